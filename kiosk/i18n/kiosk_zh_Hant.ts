<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Agenda</name>
    <message>
        <location filename="../views/agenda.py" line="112"/>
        <source>Agenda</source>
        <extracomment>The agenda&apos;s QR code is drawn this long after the screen is built (after its first frame).</extracomment>
        <translation>議程</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="113"/>
        <source>What changed</source>
        <translation>異動</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="118"/>
        <source>Full agenda on your phone</source>
        <translation>用手機看完整議程</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="121"/>
        <source>Sessions side by side run at the same time. Tap a session for details and directions.</source>
        <translation>並排的場次同時進行。點選場次可查看詳情與路線。</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../views/matchmaking_board.py" line="39"/>
        <source>Moved</source>
        <translation>已移動</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="43"/>
        <source>Held</source>
        <translation>已舉行</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="45"/>
        <source>No-show</source>
        <translation>未出席</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="381"/>
        <source>All</source>
        <extracomment>a held, no-show or moved meeting&apos;s text: the theme&apos;s danger colour (set by the board)</extracomment>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="407"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="411"/>
        <source>No buyer matches these filters.</source>
        <translation>沒有符合這些條件的買主。</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="500"/>
        <source>Business matchmaking</source>
        <translation>商務洽談</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="501"/>
        <source>At the tables</source>
        <translation>各桌洽談</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="502"/>
        <source>Table</source>
        <translation>桌號</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="503"/>
        <source>Now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="504"/>
        <source>Next</source>
        <translation>下一場</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="505"/>
        <source>Buyers</source>
        <translation>買主</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="506"/>
        <source>Looking for</source>
        <translation>採購需求</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <location filename="../views/changes.py" line="239"/>
        <source>Changes to the programme</source>
        <translation>議程異動</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="286"/>
        <source>No changes: everything is as printed in the programme.</source>
        <translation>沒有異動，一切與印刷議程相同。</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="36"/>
        <source>Moved to %1 (was %2)</source>
        <translation>改至 %1（原 %2）</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="43"/>
        <source>Now %1 at %2 (was %3 at %4)</source>
        <translation>改期：%1 %2（原 %3 %4）</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="50"/>
        <source>Starts %1 (%n min late)</source>
        <translation>%1 開始（延後 %n 分鐘）</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="52"/>
        <source>Starts %1 (%n min early)</source>
        <translation>%1 開始（提前 %n 分鐘）</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="55"/>
        <source>Ends %1 (was %2)</source>
        <translation>%1 結束（原 %2）</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="240"/>
        <source>Earlier days (over)</source>
        <translation>較早日期（已結束）</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="268"/>
        <source>Changed %1</source>
        <translation>%1 更新</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="241"/>
        <source>Tap a card to see the session and the way there.</source>
        <translation>點選卡片，查看場次資訊與前往路線。</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../views/session_detail.py" line="186"/>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="202"/>
        <source>Speakers</source>
        <translation>講者</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="228"/>
        <source>Scan to add this session to your phone&apos;s calendar.</source>
        <translation>掃描即可將本場次加入手機行事曆。</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="232"/>
        <source>Where</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="257"/>
        <source>From this kiosk:</source>
        <translation>從本資訊站：</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="276"/>
        <source>Room to be announced.</source>
        <translation>場地另行公告。</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="243"/>
        <source>Not on the floor plan yet: please ask at the information desk.</source>
        <translation>此場地尚未標示於樓層平面圖，請洽詢服務台。</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="183"/>
        <source>Ended %1</source>
        <extracomment>The floor plan of a session&apos;s room is never drawn shorter than this (px), at any text size.</extracomment>
        <translation>已於 %1 結束</translation>
    </message>
</context>
<context>
    <name>Directions</name>
    <message>
        <location filename="../views/directions.py" line="23"/>
        <source>Turn left into %1, then go %2 m</source>
        <translation>左轉進入%1，再走%2公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="24"/>
        <source>Turn right into %1, then go %2 m</source>
        <translation>右轉進入%1，再走%2公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="26"/>
        <source>Turn left between rows %1 and %2, then go %3 m</source>
        <translation>在%1排與%2排之間左轉，再走%3公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="27"/>
        <source>Turn right between rows %1 and %2, then go %3 m</source>
        <translation>在%1排與%2排之間右轉，再走%3公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="30"/>
        <source>Turn left at row %1, then go %2 m</source>
        <translation>在%1排左轉，再走%2公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="31"/>
        <source>Turn right at row %1, then go %2 m</source>
        <translation>在%1排右轉，再走%2公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="32"/>
        <source>Turn left, then go %1 m</source>
        <translation>左轉，再走%1公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="33"/>
        <source>Turn right, then go %1 m</source>
        <translation>右轉，再走%1公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="41"/>
        <source>%1 is on your left</source>
        <translation>%1在您的左手邊</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="42"/>
        <source>%1 is on your right</source>
        <translation>%1在您的右手邊</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="43"/>
        <source>%1 is ahead of you</source>
        <translation>%1就在您的正前方</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="48"/>
        <source>Booth %1 is on your left</source>
        <translation>%1攤位在您的左手邊</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="49"/>
        <source>Booth %1 is on your right</source>
        <translation>%1攤位在您的右手邊</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="50"/>
        <source>Booth %1 is ahead of you</source>
        <translation>%1攤位就在您的正前方</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="60"/>
        <source>Go %1 m along %2</source>
        <translation>沿著%2走%1公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="61"/>
        <source>Go straight %1 m</source>
        <translation>直走%1公尺</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="68"/>
        <source>Take the stairs to the %1</source>
        <translation>走樓梯到%1</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="69"/>
        <source>Take the lift to the %1</source>
        <translation>搭電梯到%1</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../views/editor.py" line="464"/>
        <source>room assumed for this demo</source>
        <translation>此示範假定的場地</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="264"/>
        <source>End</source>
        <translation>結束</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="263"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="368"/>
        <source>room not on the floor plan yet</source>
        <translation>場地尚未標示於平面圖</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="560"/>
        <source>Not saved: another device was saving. Tap Save again.</source>
        <translation>未儲存：另一台裝置正在儲存。請再按一次儲存。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="257"/>
        <source>Room and time changes</source>
        <translation>地點與時間異動</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="260"/>
        <source>Room</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="261"/>
        <source>Start (the end moves with it) and end</source>
        <translation>開始（結束隨之移動）與結束</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="262"/>
        <source>Notice</source>
        <translation>公告</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="266"/>
        <source>No notice</source>
        <translation>無公告</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="267"/>
        <source>Or type a notice (any language)</source>
        <translation>或輸入公告（任何語言）</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="268"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="269"/>
        <source>Why (optional)</source>
        <translation>原因（選填）</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="270"/>
        <source>Back to the printed programme</source>
        <translation>恢復為印刷議程</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="271"/>
        <source>Undo last edit</source>
        <translation>取消上一次異動</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="272"/>
        <source>Check-in desk</source>
        <translation>報到台</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="309"/>
        <source>Not saved: this desk locks in %n s and the change will be lost. Touch the screen, then tap Save.</source>
        <translation>尚未儲存：本服務台將在 %n 秒後鎖定，變更會遺失。請觸碰螢幕，再按「儲存」。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="360"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="362"/>
        <source>moved from %1</source>
        <translation>自 %1 移來</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="364"/>
        <source>was %1</source>
        <translation>原為 %1</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="461"/>
        <source>Printed: %1, %2</source>
        <translation>印刷議程：%1，%2</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="470"/>
        <source>Reinstate</source>
        <translation>恢復舉行</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="470"/>
        <source>Cancel session</source>
        <translation>取消場次</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="446"/>
        <location filename="../views/editor.py" line="492"/>
        <source>Save anyway</source>
        <translation>仍要儲存</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="447"/>
        <location filename="../views/editor.py" line="492"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="450"/>
        <source>Pick a session in the list to change its room, time or notice.</source>
        <translation>請在清單中選擇場次，以變更地點、時間或公告。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="483"/>
        <source>Not saved yet — tap Save.</source>
        <translation>尚未儲存——請按「儲存」。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="486"/>
        <source>Saving cancels this session on every screen.</source>
        <translation>儲存後，所有畫面都會顯示此場次已取消。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="488"/>
        <source>Saving puts this session back on every screen.</source>
        <translation>儲存後，此場次會重新出現在所有畫面上。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="515"/>
        <source>Not saved: this device&apos;s clock says %1; ask the organiser.</source>
        <translation>未儲存：此裝置的時鐘顯示 %1；請洽主辦單位。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="562"/>
        <source>Not saved: %1</source>
        <translation>未儲存：%1</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="568"/>
        <source>Saved. Every screen shows it now.</source>
        <translation>已儲存，所有螢幕立即顯示。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="582"/>
        <source>Nothing to undo.</source>
        <translation>沒有可取消的異動。</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="583"/>
        <source>Undone: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="273"/>
        <source>Meetings</source>
        <translation>洽談</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <location filename="../views/error_screen.py" line="45"/>
        <source>This kiosk cannot open its event data</source>
        <translation>本資訊站無法開啟活動資料</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="46"/>
        <source>Nothing has been changed or lost. Please call a member of staff.</source>
        <translation>沒有任何資料被更動或遺失。請洽工作人員。</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="50"/>
        <source>For staff:</source>
        <translation>工作人員：</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="52"/>
        <source>Error code: %1</source>
        <translation>錯誤代碼：%1</translation>
    </message>
</context>
<context>
    <name>Exhibitors</name>
    <message>
        <location filename="../views/exhibitors.py" line="108"/>
        <location filename="../views/exhibitors.py" line="172"/>
        <source>No booth</source>
        <translation>無攤位</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="109"/>
        <location filename="../views/exhibitors.py" line="173"/>
        <location filename="../views/exhibitors.py" line="392"/>
        <location filename="../views/exhibitors.py" line="444"/>
        <location filename="../views/exhibitors.py" line="510"/>
        <source>Uncategorised</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="174"/>
        <source>Booth</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="180"/>
        <source>Products: %1</source>
        <translation>產品：%1</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="192"/>
        <source>Scan for their page</source>
        <translation>掃描前往廠商網頁</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="383"/>
        <source>Exhibitors</source>
        <translation>參展商</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="384"/>
        <source>Search a name or booth number</source>
        <translation>搜尋名稱或攤位編號</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="386"/>
        <source>Whole hall</source>
        <translation>整個展館</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="393"/>
        <source>Free booth</source>
        <translation>空攤位</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="440"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="447"/>
        <source>All countries</source>
        <translation>所有國家</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="456"/>
        <source>%n exhibitor(s) match</source>
        <translation>共 %n 家參展商</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="463"/>
        <source>Nothing matches with the filters %1. Tap the filters line to clear them.</source>
        <translation>在篩選條件「%1」下沒有符合的參展商。請點選篩選列以清除篩選。</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="467"/>
        <source>Nothing matches. Try fewer letters, another category, or All.</source>
        <translation>沒有符合的參展商。請減少字數、換個類別或選「全部」。</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="477"/>
        <source>Filters: %1</source>
        <translation>篩選：%1</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="609"/>
        <source>Ask staff for the way</source>
        <translation>請向工作人員問路</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../views/health.py" line="92"/>
        <source>This device&apos;s clock says %1, outside the event&apos;s days: check-ins and changes are NOT RECORDED here. Ask the organiser to set the clock.</source>
        <translation>此裝置的時鐘顯示 %1，不在活動日期內：此處的報到與變更都不會記錄。請主辦單位校正時鐘。</translation>
    </message>
    <message>
        <location filename="../views/health.py" line="97"/>
        <source>Check-ins and changes cannot be saved on this kiosk (%1). Use another device and call the technical desk.</source>
        <translation>本資訊站無法儲存報到與異動（%1）。請改用其他裝置並聯絡技術支援。</translation>
    </message>
    <message>
        <location filename="../views/health.py" line="100"/>
        <source>The last backup failed: %1</source>
        <translation>上次備份失敗：%1</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../views/home.py" line="464"/>
        <source>The fair starts %1 at %2.</source>
        <translation>展會於%1 %2開始。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="469"/>
        <source>The fair has ended — thank you for coming.</source>
        <translation>展會已結束——感謝您的蒞臨。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="433"/>
        <source>Agenda  ›</source>
        <extracomment>a session this long is on &quot;all day&quot; (the exhibition, matchmaking): a slim card on Home a card narrower than this truncates its title too much: the grid stops adding columns</extracomment>
        <translation>議程  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="434"/>
        <source>Exhibitors &amp;&amp; floor map  ›</source>
        <translation>參展商與展場地圖  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="442"/>
        <source>Staff</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="234"/>
        <source>%1 time (%2)</source>
        <translation>%1時間 (%2)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="229"/>
        <source>Korea time (KST)</source>
        <extracomment>friendly place names for zones whose last part is not what people call the place&apos;s time</extracomment>
        <translation>韓國時間 (KST)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="453"/>
        <source>What changed (%n)</source>
        <translation>異動 (%n)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="456"/>
        <source>On now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="460"/>
        <source>Nothing is on right now.</source>
        <translation>目前沒有進行中的場次。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="476"/>
        <source>Next hour</source>
        <translation>一小時內開始</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="479"/>
        <source>Coming up</source>
        <translation>接下來</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="482"/>
        <source>Nothing more is scheduled.</source>
        <translation>已無其他場次。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="435"/>
        <source>My day (badge)  ›</source>
        <translation>我的行程（識別證）  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="436"/>
        <source>Business matchmaking  ›</source>
        <translation>商務洽談  ›</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../views/map_view.py" line="448"/>
        <source>You are here</source>
        <extracomment>Scene units per metre: booths 3 m → 36 px at zoom 1. Booth numbers as large as the booth allows, up to this (scene units: 18 = 1.5 m letters). Place names are drawn at least this tall on the screen when their box has room (px). Chevrons along the route, one every this many metres. Where a tag may go around the thing it names, in order of preference: beside it (right, left), under, over, then the corners.</extracomment>
        <translation>您在這裡</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="450"/>
        <source>You are on the %1</source>
        <translation>您在%1</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="591"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="592"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="593"/>
        <source>Show the whole map</source>
        <translation>顯示整張地圖</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <location filename="../views/meeting_desk.py" line="343"/>
        <source>%1:00  held %2 · no-show %3 · open %4</source>
        <extracomment>who is unlocked (set by the window when the desk opens): the audit rows record it &quot;Others absent&quot; waits for a second tap naming who will be marked (ids of the meeting) the next start or end of a meeting after the last refresh: before it a minute tick changes nothing on the list (a day of 10,000 meetings takes ~0.5 s to list again)</extracomment>
        <translation>%1:00  已舉行 %2 · 未出席 %3 · 待進行 %4</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="363"/>
        <source>Scan a badge at a table, or pick a meeting.</source>
        <translation>請在桌邊掃描識別證，或選擇一場洽談。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="370"/>
        <source>arrived</source>
        <translation>已到場</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="379"/>
        <source>%1 (%2): nobody registered</source>
        <translation>%1（%2）：無人登記</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="382"/>
        <source>planned</source>
        <translation>預定</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="383"/>
        <source>moved</source>
        <translation>已移動</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="384"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="385"/>
        <source>held</source>
        <translation>已舉行</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="386"/>
        <source>no-show</source>
        <translation>未出席</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="387"/>
        <source>Status: %1</source>
        <translation>狀態：%1</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="389"/>
        <source>starts at %1</source>
        <translation>%1 開始</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="391"/>
        <source>ended at %1</source>
        <translation>%1 結束</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="393"/>
        <source>tap Held when both sides are at the table</source>
        <translation>雙方都到桌後請按「已舉行」</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="421"/>
        <source>Yes, mark %n absent</source>
        <translation>是，標記 %n 人缺席</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="450"/>
        <source>Not a valid badge (%1).</source>
        <translation>不是有效的識別證（%1）。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="458"/>
        <source>%1 has no meeting now.</source>
        <translation>%1 目前沒有洽談。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="478"/>
        <source>Nobody is registered for %1 at this meeting: tap Held when they are at the table.</source>
        <translation>此會議的 %1 方無人登記：他們到桌後請按「已舉行」。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="522"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="529"/>
        <source>Pick another table first.</source>
        <translation>請先選擇另一張桌子。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="536"/>
        <location filename="../views/meeting_desk.py" line="547"/>
        <source>Moved.</source>
        <translation>已移動。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="560"/>
        <source>Meetings desk</source>
        <translation>洽談服務台</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="561"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="413"/>
        <location filename="../views/meeting_desk.py" line="423"/>
        <location filename="../views/meeting_desk.py" line="563"/>
        <source>Others absent</source>
        <translation>其他人缺席</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="115"/>
        <source>Ended</source>
        <extracomment>how a row is drawn for a meeting that has ended, is on now, or is later (background, text): ended rows greyed (6.9:1), the slot on now in light blue with bold text (13.9:1)</extracomment>
        <translation>已結束</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="117"/>
        <source>On now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="120"/>
        <source>Not marked yet</source>
        <translation>尚未標記</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="470"/>
        <source>%1 has arrived for %2 (it starts at %3).</source>
        <translation>%1 已到場，會議 %2（%3 開始）。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="473"/>
        <source>%1 is here: counted for %2.</source>
        <translation>%1 已到：記入會議 %2。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="483"/>
        <source>(Not the meeting that was selected: now showing theirs.)</source>
        <translation>（不是原先選取的會議：現在顯示此人的會議。）</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="499"/>
        <source>Mark absent: %1? Tap the button again to confirm.</source>
        <translation>標記缺席：%1？再按一次按鈕確認。</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="564"/>
        <source>Held</source>
        <translation>已舉行</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="565"/>
        <source>No-show</source>
        <translation>未出席</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="566"/>
        <source>Move to table</source>
        <translation>移至此桌</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="567"/>
        <source>− 1 slot</source>
        <translation>− 1 時段</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="568"/>
        <source>+ 1 slot</source>
        <translation>+ 1 時段</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="512"/>
        <source>Marked absent: %n</source>
        <translation>已標記缺席：%n 人</translation>
    </message>
</context>
<context>
    <name>MyDay</name>
    <message>
        <location filename="../views/my_day.py" line="48"/>
        <source>Moved</source>
        <translation>已移動</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="50"/>
        <source>Held</source>
        <translation>已舉行</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="52"/>
        <source>Missed</source>
        <translation>未出席</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="65"/>
        <source>Table %1</source>
        <translation>第 %1 桌</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="66"/>
        <source>Room %1</source>
        <translation>%1 室</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="356"/>
        <source>The badge was not read completely. Please hold its QR code under the scanner again.</source>
        <translation>名牌沒有完整讀取。請再將名牌的 QR 碼放在掃描器下方。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="359"/>
        <source>This badge was replaced by a newer one. Please use your new badge, or ask at the Welcome Center.</source>
        <translation>此識別證已由新證取代。請使用新的識別證，或洽詢服務中心。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="362"/>
        <source>This badge is not in this kiosk&apos;s list. Please ask at the Welcome Center.</source>
        <translation>此識別證不在本資訊站的名單中。請洽詢服務中心。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="365"/>
        <source>That is not a badge of this event. Hold your badge&apos;s QR code under the scanner, or type your name below.</source>
        <translation>這不是本活動的識別證。請將識別證的 QR 碼對準掃描器，或在下方輸入姓名。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="367"/>
        <source>This badge could not be checked just now. Please try again, or ask at the Welcome Center.</source>
        <translation>目前無法確認此名牌。請再試一次，或洽詢服務台（Welcome Center）。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="433"/>
        <source>Too many wrong numbers for this name. Please hold your badge under the scanner, or ask at the Welcome Center.</source>
        <translation>此姓名輸入錯誤號碼的次數過多。請將識別證的 QR 碼對準掃描器，或洽詢服務中心。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="437"/>
        <source>That is not the number on this badge. It is printed under the QR code, for example A0123-1.</source>
        <translation>這不是此識別證上的號碼。號碼印在 QR 碼下方，例如 A0123-1。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="525"/>
        <source>Clears in %n s</source>
        <translation>%n 秒後清除</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="549"/>
        <source>You have no business meetings booked</source>
        <translation>您沒有預約任何商務洽談</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="552"/>
        <source>No more meetings today</source>
        <translation>今天沒有其他洽談</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="555"/>
        <source>Your next meeting</source>
        <translation>您的下一場洽談</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="557"/>
        <location filename="../views/my_day.py" line="613"/>
        <source>With %1</source>
        <translation>對象：%1</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="565"/>
        <source>From this kiosk:</source>
        <translation>從本資訊站出發：</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="571"/>
        <source>Other meetings today</source>
        <translation>今天的其他洽談</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="574"/>
        <source>Your sessions</source>
        <translation>您報名的議程</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="577"/>
        <source>You may enter</source>
        <translation>可入場</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="580"/>
        <source>Questions about business meetings? Please ask at the Welcome Center.</source>
        <translation>商務洽談相關問題，請洽服務中心。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="596"/>
        <source>Scan with your phone: your meetings in your calendar</source>
        <translation>用手機掃描，將洽談加入行事曆</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="598"/>
        <source>Scan with your phone: your sessions in your calendar</source>
        <translation>用手機掃描，將場次加入行事曆</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="751"/>
        <source>My day</source>
        <translation>我的行程</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="752"/>
        <source>Hold your badge&apos;s QR code under the scanner to see your meetings, sessions and where to go next.</source>
        <translation>將識別證的 QR 碼對準掃描器，即可查看您的洽談、議程及下一個地點。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="754"/>
        <source>…or type your name</source>
        <translation>…或輸入您的姓名</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="756"/>
        <source>To see your day, type the number printed under the QR code on your badge.</source>
        <translation>如要查看您的行程，請輸入識別證 QR 碼下方印的號碼。</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="758"/>
        <source>Badge number, e.g. A0123-1</source>
        <translation>識別證號碼，例如 A0123-1</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="759"/>
        <source>Show my day</source>
        <translation>顯示我的行程</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="760"/>
        <source>Not me</source>
        <translation>不是我</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="761"/>
        <source>Use the camera</source>
        <translation>使用相機</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="762"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <location filename="../views/phrases.py" line="109"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="107"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="98"/>
        <source>Now %1 (was %2)</source>
        <translation>改為 %1（原 %2）</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="116"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="12"/>
        <source>Ceremony</source>
        <translation>典禮</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="13"/>
        <source>Keynote</source>
        <translation>主題演講</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="14"/>
        <source>Roundtable</source>
        <translation>圓桌會議</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="15"/>
        <source>Master class</source>
        <translation>大師課程</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="16"/>
        <source>Forum</source>
        <translation>論壇</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="17"/>
        <source>Matchmaking</source>
        <translation>商務洽談</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="18"/>
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="19"/>
        <source>Meal</source>
        <translation>餐會</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="20"/>
        <source>Reception</source>
        <translation>招待會</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="21"/>
        <source>Tour</source>
        <translation>參訪</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="22"/>
        <source>Exhibition</source>
        <translation>展覽</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="41"/>
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="42"/>
        <location filename="../views/phrases.py" line="160"/>
        <source>Speaker</source>
        <translation>講者</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="43"/>
        <source>Panelist</source>
        <translation>與談人</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="71"/>
        <source>NOW · until %1</source>
        <translation>進行中 · 至 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="72"/>
        <source>NOW · %n min left</source>
        <translation>進行中 · 剩 %n 分鐘</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="76"/>
        <source>NEXT · in %n min</source>
        <translation>即將開始 · %n 分鐘後</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="85"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="89"/>
        <source>Moved: %1 → %2</source>
        <translation>場地變更：%1 → %2</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="93"/>
        <source>New time (was %1)</source>
        <translation>時間變更（原 %1）</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="125"/>
        <source>ddd d MMMM</source>
        <translation>M月d日（ddd）</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="131"/>
        <source>Korea</source>
        <translation>韓國</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="132"/>
        <source>Malaysia</source>
        <translation>馬來西亞</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="133"/>
        <source>Mongolia</source>
        <translation>蒙古</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="134"/>
        <source>Thailand</source>
        <translation>泰國</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="135"/>
        <source>Pakistan</source>
        <translation>巴基斯坦</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="136"/>
        <source>Iran</source>
        <translation>伊朗</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="137"/>
        <source>Taiwan</source>
        <translation>臺灣</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="138"/>
        <source>Uzbekistan</source>
        <translation>烏茲別克</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="139"/>
        <source>Indonesia</source>
        <translation>印尼</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="140"/>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="141"/>
        <source>Vietnam</source>
        <translation>越南</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="148"/>
        <source>%1 m · about %n min walk</source>
        <translation>%1 公尺 · 步行約 %n 分鐘</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="151"/>
        <source>lift to %1</source>
        <translation>搭電梯到 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="153"/>
        <source>stairs to %1</source>
        <translation>走樓梯到 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="159"/>
        <source>Delegate</source>
        <translation>與會者</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="161"/>
        <source>Exhibitor</source>
        <translation>參展商</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="162"/>
        <source>Buyer</source>
        <translation>買主</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="163"/>
        <source>VIP</source>
        <translation>貴賓</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="164"/>
        <source>Press</source>
        <translation>媒體</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="165"/>
        <source>Staff</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="166"/>
        <source>Volunteer</source>
        <translation>志工</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="174"/>
        <source>Starts 10 min late</source>
        <translation>延後 10 分鐘開始</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="175"/>
        <source>Starts 15 min late</source>
        <translation>延後 15 分鐘開始</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="176"/>
        <source>Room full</source>
        <translation>已額滿</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="177"/>
        <source>Moved — see the new room</source>
        <translation>地點變更 — 請見新地點</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="178"/>
        <source>Ended early</source>
        <translation>提前結束</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="81"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="51"/>
        <source>No business meetings are scheduled on this kiosk — ask at the information desk.</source>
        <translation>本機沒有排定的商務洽談——請洽詢服務台。</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="57"/>
        <source>By invitation · not open to visitors</source>
        <translation>僅限受邀者 · 不開放參觀</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../views/staff.py" line="60"/>
        <source>opens %1</source>
        <translation>%1 開放</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="56"/>
        <source>closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="206"/>
        <location filename="../views/staff.py" line="406"/>
        <source>Busy: another device is saving. Tap OK again.</source>
        <translation>忙碌中：另一台裝置正在儲存。請再按一次 OK。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="205"/>
        <location filename="../views/staff.py" line="399"/>
        <location filename="../views/staff.py" line="413"/>
        <source>Wrong PIN.</source>
        <translation>PIN 錯誤。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="863"/>
        <location filename="../views/staff.py" line="867"/>
        <source>Saving…</source>
        <translation>儲存中…</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="868"/>
        <source>Wait for the verdict.</source>
        <translation>請等候結果。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="875"/>
        <source>Try again: scan the badge once more.</source>
        <translation>請重試：再掃描一次名牌。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="876"/>
        <source>Another device was saving; nothing was written.</source>
        <translation>另一台裝置正在儲存；沒有寫入任何資料。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1024"/>
        <source>Not undone: another device was saving. Try again.</source>
        <translation>未復原：另一台裝置正在儲存。請重試。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1019"/>
        <location filename="../views/staff.py" line="1026"/>
        <source>Not undone: %1</source>
        <translation>未復原：%1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="38"/>
        <source>OK — welcome</source>
        <translation>通過 — 歡迎</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="39"/>
        <source>ALREADY CHECKED IN</source>
        <translation>已報到</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="40"/>
        <source>INVALID BADGE</source>
        <translation>無效識別證</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="41"/>
        <source>REVOKED BADGE</source>
        <translation>已作廢識別證</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="42"/>
        <source>NOT ON THIS LIST</source>
        <translation>不在此名單</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="43"/>
        <source>LIST NOT OPEN NOW</source>
        <translation>目前未開放</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="44"/>
        <source>UNKNOWN BADGE</source>
        <translation>未登錄識別證</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="69"/>
        <source>This device (%1) has been revoked by the organiser: it no longer syncs.</source>
        <translation>此裝置（%1）已被主辦單位撤銷，不再同步。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="72"/>
        <source>Refused %1: the organiser revoked that device.</source>
        <translation>已拒絕 %1：主辦單位已撤銷該裝置。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="74"/>
        <source>Refused %1: it is not enrolled in this event.</source>
        <translation>已拒絕 %1：它未登錄於本活動。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="76"/>
        <source>Refused a device that is not enrolled in this event.</source>
        <translation>已拒絕一台未登錄於本活動的裝置。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="78"/>
        <source>Refused a connection from this device to itself.</source>
        <translation>已拒絕此裝置連線到自己。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="80"/>
        <source>%1 belongs to another event (%2): nothing was exchanged.</source>
        <translation>%1 屬於另一個活動（%2）：未交換任何資料。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="82"/>
        <source>The event data differs between this device and %1 (%2): load the same data on both. Nothing was exchanged.</source>
        <translation>此裝置與 %1 的活動資料不同（%2）：請在兩邊載入相同資料。未交換任何資料。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="92"/>
        <source>Session cancelled — recorded; check with the organiser.</source>
        <translation>場次已取消——已記錄；請向主辦單位確認。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="105"/>
        <source>Nothing was read. Scan again.</source>
        <translation>未讀到內容，請再掃描一次。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="106"/>
        <source>A badge of another event.</source>
        <translation>這是其他活動的識別證。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="107"/>
        <source>Forged or altered badge: the signature does not match. Ask for ID.</source>
        <translation>偽造或竄改的識別證：簽章不符。請查驗證件。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="108"/>
        <source>Unknown badge version.</source>
        <translation>未知的識別證版本。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="109"/>
        <source>Not a badge code of this event.</source>
        <translation>不是本活動的識別證代碼。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="111"/>
        <source>This badge was replaced by a new one. Keep it; send the holder to the Welcome Center.</source>
        <translation>此識別證已換發新證。請收回，並引導持證人至服務中心。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="113"/>
        <source>This attendee type is not on this list.</source>
        <translation>此身分類別不在此名單。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="115"/>
        <source>This list is closed at this time.</source>
        <translation>此名單目前未開放。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="117"/>
        <source>Not in this kiosk&apos;s attendee list. Send to the Welcome Center.</source>
        <translation>不在與會者名單中，請引導至服務中心。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="125"/>
        <source>First checked in at %1 on %2.</source>
        <translation>首次報到：%1，%2</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="207"/>
        <location filename="../views/staff.py" line="245"/>
        <source>Only a staff member&apos;s badge ends the lock-out.</source>
        <translation>只有工作人員識別證能解除鎖定。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="208"/>
        <location filename="../views/staff.py" line="247"/>
        <source>Not a valid badge (%1).</source>
        <translation>不是有效的識別證（%1）。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="212"/>
        <location filename="../views/staff.py" line="253"/>
        <source>Lock-out ended by %1 (staff badge). Enter your PIN.</source>
        <translation>%1 已解除鎖定（工作人員識別證）。請輸入 PIN。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="259"/>
        <source>Staff sign-in</source>
        <translation>工作人員登入</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="260"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="202"/>
        <location filename="../views/staff.py" line="300"/>
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>PIN 錯誤次數過多，請於 %n 秒後再試。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="203"/>
        <location filename="../views/staff.py" line="301"/>
        <source>Staff: scan your staff badge here to end the lock-out.</source>
        <translation>工作人員：在此掃描工作人員識別證即可解除鎖定。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="210"/>
        <location filename="../views/staff.py" line="306"/>
        <source>No PIN is set on this kiosk. Set one with: python main.py set-pin --role staff</source>
        <translation>本資訊站尚未設定 PIN。設定方式：python main.py set-pin --role staff</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="313"/>
        <source>Enter your PIN.</source>
        <translation>請輸入 PIN。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="204"/>
        <location filename="../views/staff.py" line="390"/>
        <source>Wrong PIN. %n tries left.</source>
        <translation>PIN 錯誤，還剩 %n 次。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="632"/>
        <source>Check-in</source>
        <translation>報到</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="633"/>
        <source>No badge? Search a name or badge number</source>
        <translation>沒有識別證？以姓名或證號搜尋</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="634"/>
        <source>Last scans</source>
        <translation>最近掃描</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="635"/>
        <source>Undo last check-in</source>
        <translation>取消上一筆報到</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="640"/>
        <source>Export CSV</source>
        <translation>匯出 CSV</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="641"/>
        <source>Camera</source>
        <translation>相機</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="274"/>
        <location filename="../views/meeting_desk.py" line="562"/>
        <location filename="../views/staff.py" line="642"/>
        <source>Lock</source>
        <translation>鎖定</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="643"/>
        <source>Room &amp; time changes</source>
        <translation>地點與時間異動</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="690"/>
        <source>Sync is not running on this device: check-ins stay here until it does.</source>
        <translation>本裝置未執行同步：報到資料會先留在本機，直到同步啟動。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="694"/>
        <source>Online with %1</source>
        <translation>已連線：%1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="696"/>
        <source>OFFLINE — working alone</source>
        <translation>離線 — 獨立運作中</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="698"/>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="700"/>
        <source>%n change(s) waiting</source>
        <translation>%n 筆異動待同步</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="703"/>
        <source>%n duplicate check-in(s) from devices that were apart</source>
        <translation>%n 筆分離裝置間的重複報到</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="725"/>
        <source>⚠ session cancelled</source>
        <translation>⚠ 場次已取消</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="741"/>
        <source>manual</source>
        <translation>手動</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="743"/>
        <source>badge %1</source>
        <translation>識別證 %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="745"/>
        <source>no badge number read</source>
        <translation>未讀到名牌號碼</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="780"/>
        <source>SESSION CANCELLED</source>
        <translation>場次已取消</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="781"/>
        <source>Ready</source>
        <translation>就緒</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="782"/>
        <source>Scan a badge</source>
        <translation>請掃描識別證</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="786"/>
        <source>Scans are still recorded. Check with the organiser before letting anyone in.</source>
        <translation>掃描仍會記錄。讓任何人入場前，請先向主辦單位確認。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="874"/>
        <location filename="../views/staff.py" line="885"/>
        <location filename="../views/staff.py" line="900"/>
        <source>NOT RECORDED</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="886"/>
        <source>This device&apos;s clock says %1; ask the organiser.</source>
        <translation>此裝置的時鐘顯示 %1；請洽主辦單位。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="888"/>
        <source>Nothing was written: every other device would refuse a check-in dated outside the event.</source>
        <translation>未寫入任何資料：日期在活動期間以外的報到，其他所有裝置都會拒收。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="895"/>
        <source>%1: this device&apos;s clock says %2; ask the organiser.</source>
        <translation>%1：此裝置的時鐘顯示 %2；請洽主辦單位。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="901"/>
        <source>The check-in could not be saved. Do not let in yet.</source>
        <translation>報到無法儲存，請先不要放行。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="902"/>
        <source>Call the technical desk.</source>
        <translation>請聯絡技術支援。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="915"/>
        <source>Check in %1 (%2, %3)</source>
        <translation>為 %1 報到（%2，%3）</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="993"/>
        <source>Not registered</source>
        <translation>未登記</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1017"/>
        <source>Not undone</source>
        <translation>未撤銷</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1029"/>
        <source>Nothing to undo on this device.</source>
        <translation>此裝置沒有可取消的報到。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1031"/>
        <source>Check-in of %1 undone.</source>
        <translation>已取消 %1 的報到。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1042"/>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1044"/>
        <source>Saved %1</source>
        <translation>已儲存：%1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="706"/>
        <source>%n sync entries quarantined (details: sync status)</source>
        <translation>%n 筆同步項目已隔離（詳情：sync status）</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="963"/>
        <source>New walk-in: register “%1”…</source>
        <translation>現場報名：登記「%1」…</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="978"/>
        <source>Register “%1” as: %2</source>
        <translation>登記「%1」為：%2</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="995"/>
        <source>Not registered: check the name (at most 100 characters).</source>
        <translation>未登記：請檢查姓名（最多 100 個字元）。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1001"/>
        <source>Not registered: another device was saving. Try again.</source>
        <translation>未登記：另一台裝置正在儲存，請再試一次。</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1005"/>
        <source>Registered %1: badge number %2 (print it with main.py badges).</source>
        <translation>已登記 %1：名牌編號 %2（以 main.py badges 列印）。</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../views/main_window.py" line="620"/>
        <source>⌂ Home</source>
        <extracomment>Build the visitor screens not shown first this long after start-up (after the first frame). Staff mode&apos;s idle lock (s): longer than a visitor&apos;s 60 s reset — a volunteer reads the warnings and types a notice — but a desk left open still locks itself in two minutes. Before that lock discards an unsaved change, the desk says so this long ahead (a countdown).</extracomment>
        <translation>⌂ 首頁</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="621"/>
        <source>Aa Larger text</source>
        <translation>大 放大字體</translation>
    </message>
</context>
</TS>
