<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Agenda</name>
    <message>
        <location filename="../views/agenda.py" line="66" />
        <source>Agenda</source>
        <translation>議程</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="67" />
        <source>Sessions side by side run at the same time. Tap a session for details and directions.</source>
        <translation>並排的場次同時進行。點選場次可查看詳情與路線。</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../views/session_detail.py" line="116" />
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="132" />
        <source>Speakers</source>
        <translation>講者</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="146" />
        <source>Where</source>
        <translation>地點</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="155" />
        <source>Room as planned for this demo; check the signs on site.</source>
        <translation>此為示範用的場地安排，請以現場指標為準。</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="160" />
        <source>From this kiosk:</source>
        <translation>從本資訊站：</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="172" />
        <source>Room to be announced.</source>
        <translation>場地另行公告。</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <location filename="../views/error_screen.py" line="45" />
        <source>This kiosk cannot open its event data</source>
        <translation>本資訊站無法開啟活動資料</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="46" />
        <source>Nothing has been changed or lost. Please call a member of staff.</source>
        <translation>沒有任何資料被更動或遺失。請洽工作人員。</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="50" />
        <source>For staff:</source>
        <translation>工作人員：</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="52" />
        <source>Error code: %1</source>
        <translation>錯誤代碼：%1</translation>
    </message>
</context>
<context>
    <name>Exhibitors</name>
    <message>
        <location filename="../views/exhibitors.py" line="102" />
        <location filename="../views/exhibitors.py" line="154" />
        <source>No booth</source>
        <translation>無攤位</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="103" />
        <location filename="../views/exhibitors.py" line="155" />
        <location filename="../views/exhibitors.py" line="359" />
        <source>Uncategorised</source>
        <translation>未分類</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="156" />
        <source>Booth</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="161" />
        <source>Products</source>
        <translation>產品</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="170" />
        <source>Scan for their page</source>
        <translation>掃描前往廠商網頁</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="326" />
        <source>Exhibitors</source>
        <translation>參展商</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="327" />
        <source>Search a name or booth number</source>
        <translation>搜尋名稱或攤位編號</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="329" />
        <source>Whole hall</source>
        <translation>整個展館</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="335" />
        <source>Free booth</source>
        <translation>空攤位</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="355" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="364" />
        <source>All countries</source>
        <translation>所有國家</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="370" />
        <source>%n exhibitor(s) match</source>
        <translation>共 %n 家參展商</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="425" />
        <source>Ask staff for the way</source>
        <translation>請向工作人員問路</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../views/home.py" line="130" />
        <source>Agenda  ›</source>
        <translation>議程  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="131" />
        <source>Exhibitors &amp;&amp; floor map  ›</source>
        <translation>參展商與展場地圖  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="132" />
        <source>Staff</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="138" />
        <source>Korea time (KST)</source>
        <translation>韓國時間 (KST)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="142" />
        <source>On now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="146" />
        <source>Nothing is on right now.</source>
        <translation>目前沒有進行中的場次。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="148" />
        <source>Next hour</source>
        <translation>一小時內開始</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="151" />
        <source>Coming up</source>
        <translation>接下來</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="154" />
        <source>Nothing more is scheduled.</source>
        <translation>已無其他場次。</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../views/map_view.py" line="169" />
        <source>You are here</source>
        <extracomment>Scene units per metre: booths 3 m → 36 px at zoom 1.</extracomment>
        <translation>您在這裡</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <location filename="../views/phrases.py" line="12" />
        <source>Ceremony</source>
        <translation>典禮</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="13" />
        <source>Keynote</source>
        <translation>主題演講</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="14" />
        <source>Roundtable</source>
        <translation>圓桌會議</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="15" />
        <source>Master class</source>
        <translation>大師課程</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="16" />
        <source>Forum</source>
        <translation>論壇</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="17" />
        <source>Matchmaking</source>
        <translation>商務洽談</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="18" />
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="19" />
        <source>Meal</source>
        <translation>餐會</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="20" />
        <source>Reception</source>
        <translation>招待會</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="21" />
        <source>Tour</source>
        <translation>參訪</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="22" />
        <source>Exhibition</source>
        <translation>展覽</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="29" />
        <source>Moderator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="30" />
        <source>Speaker</source>
        <translation>講者</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="31" />
        <source>Panelist</source>
        <translation>與談人</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="47" />
        <source>NOW · until %1</source>
        <translation>進行中 · 至 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="48" />
        <source>NOW · %n min left</source>
        <translation>進行中 · 剩 %n 分鐘</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="52" />
        <source>NEXT · in %n min</source>
        <translation>即將開始 · %n 分鐘後</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="56" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="60" />
        <source>Moved: %1 → %2</source>
        <translation>場地變更：%1 → %2</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="64" />
        <source>New time (was %1)</source>
        <translation>時間變更（原 %1）</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="73" />
        <source>ddd d MMMM</source>
        <translation>M月d日（ddd）</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="79" />
        <source>Korea</source>
        <translation>韓國</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="80" />
        <source>Malaysia</source>
        <translation>馬來西亞</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="81" />
        <source>Mongolia</source>
        <translation>蒙古</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="82" />
        <source>Thailand</source>
        <translation>泰國</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="83" />
        <source>Pakistan</source>
        <translation>巴基斯坦</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="84" />
        <source>Iran</source>
        <translation>伊朗</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="85" />
        <source>Taiwan</source>
        <translation>臺灣</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="86" />
        <source>Uzbekistan</source>
        <translation>烏茲別克</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="87" />
        <source>Indonesia</source>
        <translation>印尼</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="94" />
        <source>%1 m · about %n min walk</source>
        <translation>%1 公尺 · 步行約 %n 分鐘</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="97" />
        <source>lift to %1</source>
        <translation>搭電梯到 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="99" />
        <source>stairs to %1</source>
        <translation>走樓梯到 %1</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../views/main_window.py" line="160" />
        <source>Staff functions are not enabled on this kiosk.</source>
        <translation>本資訊站未開放工作人員功能。</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="193" />
        <source>⌂ Home</source>
        <translation>⌂ 首頁</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="194" />
        <source>Aa Larger text</source>
        <translation>大 放大字體</translation>
    </message>
</context>
</TS>