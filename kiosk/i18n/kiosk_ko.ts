<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Agenda</name>
    <message>
        <location filename="../views/agenda.py" line="112"/>
        <source>Agenda</source>
        <extracomment>The agenda&apos;s QR code is drawn this long after the screen is built (after its first frame).</extracomment>
        <translation>프로그램</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="113"/>
        <source>What changed</source>
        <translation>변경 사항</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="118"/>
        <source>Full agenda on your phone</source>
        <translation>휴대폰으로 전체 프로그램 보기</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="121"/>
        <source>Sessions side by side run at the same time. Tap a session for details and directions.</source>
        <translation>나란히 놓인 세션은 같은 시간에 진행됩니다. 세션을 누르면 상세 정보와 가는 길이 나옵니다.</translation>
    </message>
</context>
<context>
    <name>Board</name>
    <message>
        <location filename="../views/matchmaking_board.py" line="39"/>
        <source>Moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="43"/>
        <source>Held</source>
        <translation>진행됨</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="45"/>
        <source>No-show</source>
        <translation>불참</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="381"/>
        <source>All</source>
        <extracomment>a held, no-show or moved meeting&apos;s text: the theme&apos;s danger colour (set by the board)</extracomment>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="407"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="411"/>
        <source>No buyer matches these filters.</source>
        <translation>이 조건에 맞는 바이어가 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="500"/>
        <source>Business matchmaking</source>
        <translation>비즈니스 상담회</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="501"/>
        <source>At the tables</source>
        <translation>테이블별 상담</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="502"/>
        <source>Table</source>
        <translation>테이블</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="503"/>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="504"/>
        <source>Next</source>
        <translation>다음</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="505"/>
        <source>Buyers</source>
        <translation>바이어</translation>
    </message>
    <message>
        <location filename="../views/matchmaking_board.py" line="506"/>
        <source>Looking for</source>
        <translation>찾는 분야</translation>
    </message>
</context>
<context>
    <name>Changes</name>
    <message>
        <location filename="../views/changes.py" line="239"/>
        <source>Changes to the programme</source>
        <translation>프로그램 변경 사항</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="286"/>
        <source>No changes: everything is as printed in the programme.</source>
        <translation>변경 사항이 없습니다. 모두 인쇄된 프로그램과 같습니다.</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="36"/>
        <source>Moved to %1 (was %2)</source>
        <translation>장소 변경: %1 (기존 %2)</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="43"/>
        <source>Now %1 at %2 (was %3 at %4)</source>
        <translation>일정 변경: %1 %2 (기존 %3 %4)</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="50"/>
        <source>Starts %1 (%n min late)</source>
        <translation>%1 시작 (%n분 지연)</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="52"/>
        <source>Starts %1 (%n min early)</source>
        <translation>%1 시작 (%n분 앞당김)</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="55"/>
        <source>Ends %1 (was %2)</source>
        <translation>%1 종료 (기존 %2)</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="240"/>
        <source>Earlier days (over)</source>
        <translation>지난 날짜 (종료)</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="268"/>
        <source>Changed %1</source>
        <translation>%1 변경</translation>
    </message>
    <message>
        <location filename="../views/changes.py" line="241"/>
        <source>Tap a card to see the session and the way there.</source>
        <translation>카드를 누르면 세션 정보와 가는 길을 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../views/session_detail.py" line="186"/>
        <source>‹ Back</source>
        <translation>‹ 뒤로</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="202"/>
        <source>Speakers</source>
        <translation>연사</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="228"/>
        <source>Scan to add this session to your phone&apos;s calendar.</source>
        <translation>스캔하면 휴대폰 캘린더에 이 세션이 추가됩니다.</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="232"/>
        <source>Where</source>
        <translation>장소</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="257"/>
        <source>From this kiosk:</source>
        <translation>이 키오스크에서:</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="276"/>
        <source>Room to be announced.</source>
        <translation>장소 추후 공지</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="243"/>
        <source>Not on the floor plan yet: please ask at the information desk.</source>
        <translation>아직 층별 안내도에 없는 장소입니다. 안내 데스크에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="183"/>
        <source>Ended %1</source>
        <extracomment>The floor plan of a session&apos;s room is never drawn shorter than this (px), at any text size.</extracomment>
        <translation>%1 종료됨</translation>
    </message>
</context>
<context>
    <name>Directions</name>
    <message>
        <location filename="../views/directions.py" line="23"/>
        <source>Turn left into %1, then go %2 m</source>
        <translation>왼쪽으로 돌아 %1 따라 %2 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="24"/>
        <source>Turn right into %1, then go %2 m</source>
        <translation>오른쪽으로 돌아 %1 따라 %2 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="26"/>
        <source>Turn left between rows %1 and %2, then go %3 m</source>
        <translation>%1열과 %2열 사이로 왼쪽으로 돌아 %3 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="27"/>
        <source>Turn right between rows %1 and %2, then go %3 m</source>
        <translation>%1열과 %2열 사이로 오른쪽으로 돌아 %3 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="30"/>
        <source>Turn left at row %1, then go %2 m</source>
        <translation>%1열에서 왼쪽으로 돌아 %2 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="31"/>
        <source>Turn right at row %1, then go %2 m</source>
        <translation>%1열에서 오른쪽으로 돌아 %2 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="32"/>
        <source>Turn left, then go %1 m</source>
        <translation>왼쪽으로 돌아 %1 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="33"/>
        <source>Turn right, then go %1 m</source>
        <translation>오른쪽으로 돌아 %1 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="41"/>
        <source>%1 is on your left</source>
        <translation>왼쪽에 %1 도착</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="42"/>
        <source>%1 is on your right</source>
        <translation>오른쪽에 %1 도착</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="43"/>
        <source>%1 is ahead of you</source>
        <translation>바로 앞에 %1 도착</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="48"/>
        <source>Booth %1 is on your left</source>
        <translation>%1 부스는 왼쪽에 있습니다</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="49"/>
        <source>Booth %1 is on your right</source>
        <translation>%1 부스는 오른쪽에 있습니다</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="50"/>
        <source>Booth %1 is ahead of you</source>
        <translation>%1 부스는 바로 앞에 있습니다</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="60"/>
        <source>Go %1 m along %2</source>
        <translation>%2 따라 %1 m 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="61"/>
        <source>Go straight %1 m</source>
        <translation>%1 m 직진하세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="68"/>
        <source>Take the stairs to the %1</source>
        <translation>계단으로 %1에 가세요</translation>
    </message>
    <message>
        <location filename="../views/directions.py" line="69"/>
        <source>Take the lift to the %1</source>
        <translation>엘리베이터를 타고 %1에 내리세요</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../views/editor.py" line="464"/>
        <source>room assumed for this demo</source>
        <translation>데모용으로 가정한 장소</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="264"/>
        <source>End</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="263"/>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="368"/>
        <source>room not on the floor plan yet</source>
        <translation>장소가 아직 층별 안내도에 없음</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="560"/>
        <source>Not saved: another device was saving. Tap Save again.</source>
        <translation>저장되지 않았습니다: 다른 기기가 저장 중이었습니다. 저장을 다시 누르세요.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="257"/>
        <source>Room and time changes</source>
        <translation>장소·시간 변경</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="260"/>
        <source>Room</source>
        <translation>장소</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="261"/>
        <source>Start (the end moves with it) and end</source>
        <translation>시작 (종료도 함께 이동) 및 종료</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="262"/>
        <source>Notice</source>
        <translation>공지</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="266"/>
        <source>No notice</source>
        <translation>공지 없음</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="267"/>
        <source>Or type a notice (any language)</source>
        <translation>또는 공지 입력 (어느 언어든)</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="268"/>
        <source>Your name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="269"/>
        <source>Why (optional)</source>
        <translation>사유 (선택)</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="270"/>
        <source>Back to the printed programme</source>
        <translation>인쇄된 프로그램으로 되돌리기</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="271"/>
        <source>Undo last edit</source>
        <translation>마지막 변경 취소</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="272"/>
        <source>Check-in desk</source>
        <translation>체크인 데스크</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="309"/>
        <source>Not saved: this desk locks in %n s and the change will be lost. Touch the screen, then tap Save.</source>
        <translation>저장되지 않음: %n초 후 이 데스크가 잠기고 변경 내용이 사라집니다. 화면을 터치한 뒤 저장을 누르세요.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="360"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="362"/>
        <source>moved from %1</source>
        <translation>%1에서 이동</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="364"/>
        <source>was %1</source>
        <translation>원래 %1</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="461"/>
        <source>Printed: %1, %2</source>
        <translation>인쇄본: %1, %2</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="470"/>
        <source>Reinstate</source>
        <translation>다시 진행</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="470"/>
        <source>Cancel session</source>
        <translation>세션 취소</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="446"/>
        <location filename="../views/editor.py" line="492"/>
        <source>Save anyway</source>
        <translation>그래도 저장</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="447"/>
        <location filename="../views/editor.py" line="492"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="450"/>
        <source>Pick a session in the list to change its room, time or notice.</source>
        <translation>목록에서 세션을 골라 장소, 시간 또는 공지를 바꾸세요.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="483"/>
        <source>Not saved yet — tap Save.</source>
        <translation>아직 저장되지 않았습니다 — 저장을 누르세요.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="486"/>
        <source>Saving cancels this session on every screen.</source>
        <translation>저장하면 모든 화면에서 이 세션이 취소됩니다.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="488"/>
        <source>Saving puts this session back on every screen.</source>
        <translation>저장하면 모든 화면에 이 세션이 다시 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="515"/>
        <source>Not saved: this device&apos;s clock says %1; ask the organiser.</source>
        <translation>저장 안 됨: 이 기기의 시계가 %1(으)로 되어 있습니다. 주최 측에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="562"/>
        <source>Not saved: %1</source>
        <translation>저장 안 됨: %1</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="568"/>
        <source>Saved. Every screen shows it now.</source>
        <translation>저장했습니다. 모든 화면에 바로 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="582"/>
        <source>Nothing to undo.</source>
        <translation>취소할 변경이 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="583"/>
        <source>Undone: %1</source>
        <translation>취소함: %1</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="273"/>
        <source>Meetings</source>
        <translation>상담 일정</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <location filename="../views/error_screen.py" line="45"/>
        <source>This kiosk cannot open its event data</source>
        <translation>키오스크가 행사 데이터를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="46"/>
        <source>Nothing has been changed or lost. Please call a member of staff.</source>
        <translation>변경되거나 손실된 것은 없습니다. 직원을 불러 주세요.</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="50"/>
        <source>For staff:</source>
        <translation>직원용:</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="52"/>
        <source>Error code: %1</source>
        <translation>오류 코드: %1</translation>
    </message>
</context>
<context>
    <name>Exhibitors</name>
    <message>
        <location filename="../views/exhibitors.py" line="108"/>
        <location filename="../views/exhibitors.py" line="172"/>
        <source>No booth</source>
        <translation>부스 없음</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="109"/>
        <location filename="../views/exhibitors.py" line="173"/>
        <location filename="../views/exhibitors.py" line="392"/>
        <location filename="../views/exhibitors.py" line="444"/>
        <location filename="../views/exhibitors.py" line="510"/>
        <source>Uncategorised</source>
        <translation>미분류</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="174"/>
        <source>Booth</source>
        <translation>부스</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="180"/>
        <source>Products: %1</source>
        <translation>제품: %1</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="192"/>
        <source>Scan for their page</source>
        <translation>스캔하면 기업 페이지로</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="383"/>
        <source>Exhibitors</source>
        <translation>참가기업</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="384"/>
        <source>Search a name or booth number</source>
        <translation>기업명 또는 부스 번호 검색</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="386"/>
        <source>Whole hall</source>
        <translation>전시장 전체</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="393"/>
        <source>Free booth</source>
        <translation>빈 부스</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="440"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="447"/>
        <source>All countries</source>
        <translation>모든 국가</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="456"/>
        <source>%n exhibitor(s) match</source>
        <translation>%n개 기업</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="463"/>
        <source>Nothing matches with the filters %1. Tap the filters line to clear them.</source>
        <translation>필터 %1(으)로는 맞는 기업이 없습니다. 필터 줄을 눌러 필터를 해제하세요.</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="467"/>
        <source>Nothing matches. Try fewer letters, another category, or All.</source>
        <translation>맞는 기업이 없습니다. 글자를 줄이거나 다른 분야 또는 전체를 눌러 보세요.</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="477"/>
        <source>Filters: %1</source>
        <translation>필터: %1</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="609"/>
        <source>Ask staff for the way</source>
        <translation>길은 직원에게 문의하세요</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../views/health.py" line="92"/>
        <source>This device&apos;s clock says %1, outside the event&apos;s days: check-ins and changes are NOT RECORDED here. Ask the organiser to set the clock.</source>
        <translation>이 기기의 시계가 %1(으)로 행사 기간을 벗어나 있습니다: 이 기기에서는 체크인과 변경이 기록되지 않습니다. 주최 측에 시계 설정을 요청하세요.</translation>
    </message>
    <message>
        <location filename="../views/health.py" line="97"/>
        <source>Check-ins and changes cannot be saved on this kiosk (%1). Use another device and call the technical desk.</source>
        <translation>이 키오스크에서는 체크인과 변경을 저장할 수 없습니다 (%1). 다른 기기를 쓰고 기술 지원 데스크에 연락하세요.</translation>
    </message>
    <message>
        <location filename="../views/health.py" line="100"/>
        <source>The last backup failed: %1</source>
        <translation>마지막 백업 실패: %1</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../views/home.py" line="464"/>
        <source>The fair starts %1 at %2.</source>
        <translation>박람회는 %1 %2에 시작합니다.</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="469"/>
        <source>The fair has ended — thank you for coming.</source>
        <translation>박람회가 끝났습니다 — 찾아 주셔서 감사합니다.</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="433"/>
        <source>Agenda  ›</source>
        <extracomment>a session this long is on &quot;all day&quot; (the exhibition, matchmaking): a slim card on Home a card narrower than this truncates its title too much: the grid stops adding columns</extracomment>
        <translation>프로그램  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="434"/>
        <source>Exhibitors &amp;&amp; floor map  ›</source>
        <translation>참가기업 &amp;&amp; 전시장 지도  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="442"/>
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="234"/>
        <source>%1 time (%2)</source>
        <translation>%1 시간 (%2)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="229"/>
        <source>Korea time (KST)</source>
        <extracomment>friendly place names for zones whose last part is not what people call the place&apos;s time</extracomment>
        <translation>한국 시간 (KST)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="453"/>
        <source>What changed (%n)</source>
        <translation>변경 사항 (%n)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="456"/>
        <source>On now</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="460"/>
        <source>Nothing is on right now.</source>
        <translation>지금 진행 중인 세션이 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="476"/>
        <source>Next hour</source>
        <translation>1시간 이내 시작</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="479"/>
        <source>Coming up</source>
        <translation>다음 일정</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="482"/>
        <source>Nothing more is scheduled.</source>
        <translation>남은 일정이 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="435"/>
        <source>My day (badge)  ›</source>
        <translation>나의 일정 (명찰)  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="436"/>
        <source>Business matchmaking  ›</source>
        <translation>비즈니스 상담회  ›</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../views/map_view.py" line="448"/>
        <source>You are here</source>
        <extracomment>Scene units per metre: booths 3 m → 36 px at zoom 1. Booth numbers as large as the booth allows, up to this (scene units: 18 = 1.5 m letters). Place names are drawn at least this tall on the screen when their box has room (px). Chevrons along the route, one every this many metres. Where a tag may go around the thing it names, in order of preference: beside it (right, left), under, over, then the corners.</extracomment>
        <translation>현재 위치</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="450"/>
        <source>You are on the %1</source>
        <translation>현재 위치: %1</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="591"/>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="592"/>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <location filename="../views/map_view.py" line="593"/>
        <source>Show the whole map</source>
        <translation>지도 전체 보기</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <location filename="../views/meeting_desk.py" line="343"/>
        <source>%1:00  held %2 · no-show %3 · open %4</source>
        <extracomment>who is unlocked (set by the window when the desk opens): the audit rows record it &quot;Others absent&quot; waits for a second tap naming who will be marked (ids of the meeting) the next start or end of a meeting after the last refresh: before it a minute tick changes nothing on the list (a day of 10,000 meetings takes ~0.5 s to list again)</extracomment>
        <translation>%1:00  진행 %2 · 불참 %3 · 대기 %4</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="363"/>
        <source>Scan a badge at a table, or pick a meeting.</source>
        <translation>테이블에서 명찰을 스캔하거나 상담을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="370"/>
        <source>arrived</source>
        <translation>도착</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="379"/>
        <source>%1 (%2): nobody registered</source>
        <translation>%1 (%2): 등록된 사람 없음</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="382"/>
        <source>planned</source>
        <translation>예정</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="383"/>
        <source>moved</source>
        <translation>이동됨</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="384"/>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="385"/>
        <source>held</source>
        <translation>진행됨</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="386"/>
        <source>no-show</source>
        <translation>불참</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="387"/>
        <source>Status: %1</source>
        <translation>상태: %1</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="389"/>
        <source>starts at %1</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="391"/>
        <source>ended at %1</source>
        <translation>%1 종료</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="393"/>
        <source>tap Held when both sides are at the table</source>
        <translation>양측이 테이블에 오면 &apos;진행됨&apos;을 누르세요</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="421"/>
        <source>Yes, mark %n absent</source>
        <translation>예, %n명 불참 처리</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="450"/>
        <source>Not a valid badge (%1).</source>
        <translation>유효한 명찰이 아닙니다 (%1).</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="458"/>
        <source>%1 has no meeting now.</source>
        <translation>%1 님은 지금 상담이 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="478"/>
        <source>Nobody is registered for %1 at this meeting: tap Held when they are at the table.</source>
        <translation>이 미팅에 %1 측 등록자가 없습니다. 테이블에 오면 &apos;진행됨&apos;을 누르세요.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="522"/>
        <source>Saved.</source>
        <translation>저장했습니다.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="529"/>
        <source>Pick another table first.</source>
        <translation>먼저 다른 테이블을 고르세요.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="536"/>
        <location filename="../views/meeting_desk.py" line="547"/>
        <source>Moved.</source>
        <translation>이동했습니다.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="560"/>
        <source>Meetings desk</source>
        <translation>상담 데스크</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="561"/>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="413"/>
        <location filename="../views/meeting_desk.py" line="423"/>
        <location filename="../views/meeting_desk.py" line="563"/>
        <source>Others absent</source>
        <translation>나머지 불참</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="115"/>
        <source>Ended</source>
        <extracomment>how a row is drawn for a meeting that has ended, is on now, or is later (background, text): ended rows greyed (6.9:1), the slot on now in light blue with bold text (13.9:1)</extracomment>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="117"/>
        <source>On now</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="120"/>
        <source>Not marked yet</source>
        <translation>아직 기록 안 됨</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="470"/>
        <source>%1 has arrived for %2 (it starts at %3).</source>
        <translation>%1 님이 %2 미팅에 도착했습니다(%3 시작).</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="473"/>
        <source>%1 is here: counted for %2.</source>
        <translation>%1 님 참석: %2 미팅으로 기록했습니다.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="483"/>
        <source>(Not the meeting that was selected: now showing theirs.)</source>
        <translation>(선택한 미팅이 아니라 이분의 미팅입니다. 지금 그 미팅을 보여 줍니다.)</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="499"/>
        <source>Mark absent: %1? Tap the button again to confirm.</source>
        <translation>불참 처리: %1? 확인하려면 버튼을 한 번 더 누르세요.</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="564"/>
        <source>Held</source>
        <translation>진행됨</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="565"/>
        <source>No-show</source>
        <translation>불참</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="566"/>
        <source>Move to table</source>
        <translation>테이블 이동</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="567"/>
        <source>− 1 slot</source>
        <translation>− 1칸</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="568"/>
        <source>+ 1 slot</source>
        <translation>+ 1칸</translation>
    </message>
    <message>
        <location filename="../views/meeting_desk.py" line="512"/>
        <source>Marked absent: %n</source>
        <translation>불참 처리: %n명</translation>
    </message>
</context>
<context>
    <name>MyDay</name>
    <message>
        <location filename="../views/my_day.py" line="48"/>
        <source>Moved</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="50"/>
        <source>Held</source>
        <translation>진행됨</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="52"/>
        <source>Missed</source>
        <translation>불참</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="65"/>
        <source>Table %1</source>
        <translation>테이블 %1</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="66"/>
        <source>Room %1</source>
        <translation>%1호</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="356"/>
        <source>The badge was not read completely. Please hold its QR code under the scanner again.</source>
        <translation>명찰을 끝까지 읽지 못했습니다. 명찰의 QR 코드를 스캐너 아래에 다시 대 주세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="359"/>
        <source>This badge was replaced by a newer one. Please use your new badge, or ask at the Welcome Center.</source>
        <translation>새 명찰로 교체된 명찰입니다. 새 명찰을 사용하시거나 웰컴센터에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="362"/>
        <source>This badge is not in this kiosk&apos;s list. Please ask at the Welcome Center.</source>
        <translation>이 키오스크 명단에 없는 명찰입니다. 웰컴센터에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="365"/>
        <source>That is not a badge of this event. Hold your badge&apos;s QR code under the scanner, or type your name below.</source>
        <translation>이 행사의 명찰이 아닙니다. 명찰의 QR 코드를 스캐너에 대거나 아래에 이름을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="367"/>
        <source>This badge could not be checked just now. Please try again, or ask at the Welcome Center.</source>
        <translation>지금은 이 명찰을 확인할 수 없습니다. 다시 시도하시거나 웰컴 센터에 문의해 주세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="433"/>
        <source>Too many wrong numbers for this name. Please hold your badge under the scanner, or ask at the Welcome Center.</source>
        <translation>이 이름으로 틀린 번호가 너무 많이 입력되었습니다. 명찰의 QR 코드를 스캐너에 대시거나 웰컴센터에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="437"/>
        <source>That is not the number on this badge. It is printed under the QR code, for example A0123-1.</source>
        <translation>이 명찰의 번호가 아닙니다. 번호는 QR 코드 아래에 인쇄되어 있습니다(예: A0123-1).</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="525"/>
        <source>Clears in %n s</source>
        <translation>%n초 후 지워집니다</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="549"/>
        <source>You have no business meetings booked</source>
        <translation>예약된 비즈니스 상담이 없습니다</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="552"/>
        <source>No more meetings today</source>
        <translation>오늘 남은 상담이 없습니다</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="555"/>
        <source>Your next meeting</source>
        <translation>다음 상담</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="557"/>
        <location filename="../views/my_day.py" line="613"/>
        <source>With %1</source>
        <translation>상대: %1</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="565"/>
        <source>From this kiosk:</source>
        <translation>이 키오스크에서:</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="571"/>
        <source>Other meetings today</source>
        <translation>오늘의 다른 상담</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="574"/>
        <source>Your sessions</source>
        <translation>등록한 세션</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="577"/>
        <source>You may enter</source>
        <translation>입장 가능</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="580"/>
        <source>Questions about business meetings? Please ask at the Welcome Center.</source>
        <translation>비즈니스 상담 문의는 웰컴센터에서 도와드립니다.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="596"/>
        <source>Scan with your phone: your meetings in your calendar</source>
        <translation>휴대폰으로 스캔하면 상담 일정이 캘린더에 추가됩니다</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="598"/>
        <source>Scan with your phone: your sessions in your calendar</source>
        <translation>휴대폰으로 스캔하면 세션 일정이 캘린더에 추가됩니다</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="751"/>
        <source>My day</source>
        <translation>나의 일정</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="752"/>
        <source>Hold your badge&apos;s QR code under the scanner to see your meetings, sessions and where to go next.</source>
        <translation>명찰의 QR 코드를 스캐너에 대면 상담·세션 일정과 다음 장소를 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="754"/>
        <source>…or type your name</source>
        <translation>…또는 이름을 입력하세요</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="756"/>
        <source>To see your day, type the number printed under the QR code on your badge.</source>
        <translation>일정을 보려면 명찰의 QR 코드 아래에 인쇄된 번호를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="758"/>
        <source>Badge number, e.g. A0123-1</source>
        <translation>명찰 번호(예: A0123-1)</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="759"/>
        <source>Show my day</source>
        <translation>내 일정 보기</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="760"/>
        <source>Not me</source>
        <translation>제가 아닙니다</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="761"/>
        <source>Use the camera</source>
        <translation>카메라 사용</translation>
    </message>
    <message>
        <location filename="../views/my_day.py" line="762"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <location filename="../views/phrases.py" line="109"/>
        <source>Tomorrow</source>
        <translation>내일</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="107"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="98"/>
        <source>Now %1 (was %2)</source>
        <translation>변경: %1 (원래 %2)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="116"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="12"/>
        <source>Ceremony</source>
        <translation>의식</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="13"/>
        <source>Keynote</source>
        <translation>기조연설</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="14"/>
        <source>Roundtable</source>
        <translation>라운드테이블</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="15"/>
        <source>Master class</source>
        <translation>마스터클래스</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="16"/>
        <source>Forum</source>
        <translation>포럼</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="17"/>
        <source>Matchmaking</source>
        <translation>비즈니스 상담</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="18"/>
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="19"/>
        <source>Meal</source>
        <translation>식사</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="20"/>
        <source>Reception</source>
        <translation>리셉션</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="21"/>
        <source>Tour</source>
        <translation>투어</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="22"/>
        <source>Exhibition</source>
        <translation>전시</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="41"/>
        <source>Moderator</source>
        <translation>좌장</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="42"/>
        <location filename="../views/phrases.py" line="160"/>
        <source>Speaker</source>
        <translation>연사</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="43"/>
        <source>Panelist</source>
        <translation>패널</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="71"/>
        <source>NOW · until %1</source>
        <translation>진행 중 · %1까지</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="72"/>
        <source>NOW · %n min left</source>
        <translation>진행 중 · %n분 남음</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="76"/>
        <source>NEXT · in %n min</source>
        <translation>곧 시작 · %n분 후</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="85"/>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="89"/>
        <source>Moved: %1 → %2</source>
        <translation>장소 변경: %1 → %2</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="93"/>
        <source>New time (was %1)</source>
        <translation>시간 변경 (기존 %1)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="125"/>
        <source>ddd d MMMM</source>
        <translation>M월 d일 (ddd)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="131"/>
        <source>Korea</source>
        <translation>한국</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="132"/>
        <source>Malaysia</source>
        <translation>말레이시아</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="133"/>
        <source>Mongolia</source>
        <translation>몽골</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="134"/>
        <source>Thailand</source>
        <translation>태국</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="135"/>
        <source>Pakistan</source>
        <translation>파키스탄</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="136"/>
        <source>Iran</source>
        <translation>이란</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="137"/>
        <source>Taiwan</source>
        <translation>대만</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="138"/>
        <source>Uzbekistan</source>
        <translation>우즈베키스탄</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="139"/>
        <source>Indonesia</source>
        <translation>인도네시아</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="140"/>
        <source>Japan</source>
        <translation>일본</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="141"/>
        <source>Vietnam</source>
        <translation>베트남</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="148"/>
        <source>%1 m · about %n min walk</source>
        <translation>%1m · 도보 약 %n분</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="151"/>
        <source>lift to %1</source>
        <translation>엘리베이터로 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="153"/>
        <source>stairs to %1</source>
        <translation>계단으로 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="159"/>
        <source>Delegate</source>
        <translation>참가자</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="161"/>
        <source>Exhibitor</source>
        <translation>참가기업</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="162"/>
        <source>Buyer</source>
        <translation>바이어</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="163"/>
        <source>VIP</source>
        <translation>귀빈</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="164"/>
        <source>Press</source>
        <translation>언론</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="165"/>
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="166"/>
        <source>Volunteer</source>
        <translation>자원봉사자</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="174"/>
        <source>Starts 10 min late</source>
        <translation>10분 늦게 시작</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="175"/>
        <source>Starts 15 min late</source>
        <translation>15분 늦게 시작</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="176"/>
        <source>Room full</source>
        <translation>만석</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="177"/>
        <source>Moved — see the new room</source>
        <translation>장소 변경 — 새 장소 확인</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="178"/>
        <source>Ended early</source>
        <translation>일찍 종료</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="81"/>
        <source>until %1</source>
        <translation>%1까지</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="51"/>
        <source>No business meetings are scheduled on this kiosk — ask at the information desk.</source>
        <translation>이 키오스크에는 예정된 비즈니스 상담이 없습니다. 안내 데스크에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="57"/>
        <source>By invitation · not open to visitors</source>
        <translation>초청자 전용 · 일반 관람 불가</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../views/staff.py" line="60"/>
        <source>opens %1</source>
        <translation>%1 시작</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="56"/>
        <source>closed</source>
        <translation>마감</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="206"/>
        <location filename="../views/staff.py" line="406"/>
        <source>Busy: another device is saving. Tap OK again.</source>
        <translation>사용 중: 다른 기기가 저장하고 있습니다. OK를 다시 누르세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="205"/>
        <location filename="../views/staff.py" line="399"/>
        <location filename="../views/staff.py" line="413"/>
        <source>Wrong PIN.</source>
        <translation>PIN이 틀렸습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="863"/>
        <location filename="../views/staff.py" line="867"/>
        <source>Saving…</source>
        <translation>저장 중…</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="868"/>
        <source>Wait for the verdict.</source>
        <translation>결과를 기다려 주세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="875"/>
        <source>Try again: scan the badge once more.</source>
        <translation>다시 시도: 배지를 한 번 더 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="876"/>
        <source>Another device was saving; nothing was written.</source>
        <translation>다른 기기가 저장 중이었습니다. 아무것도 기록되지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1024"/>
        <source>Not undone: another device was saving. Try again.</source>
        <translation>취소되지 않았습니다: 다른 기기가 저장 중이었습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1019"/>
        <location filename="../views/staff.py" line="1026"/>
        <source>Not undone: %1</source>
        <translation>취소되지 않았습니다: %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="38"/>
        <source>OK — welcome</source>
        <translation>확인 — 환영합니다</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="39"/>
        <source>ALREADY CHECKED IN</source>
        <translation>이미 체크인됨</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="40"/>
        <source>INVALID BADGE</source>
        <translation>유효하지 않은 명찰</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="41"/>
        <source>REVOKED BADGE</source>
        <translation>폐기된 명찰</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="42"/>
        <source>NOT ON THIS LIST</source>
        <translation>대상 아님</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="43"/>
        <source>LIST NOT OPEN NOW</source>
        <translation>지금은 운영 시간 아님</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="44"/>
        <source>UNKNOWN BADGE</source>
        <translation>등록되지 않은 명찰</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="69"/>
        <source>This device (%1) has been revoked by the organiser: it no longer syncs.</source>
        <translation>이 기기(%1)는 주최 측이 등록을 취소했습니다. 더 이상 동기화하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="72"/>
        <source>Refused %1: the organiser revoked that device.</source>
        <translation>%1 연결을 거부했습니다: 주최 측이 그 기기의 등록을 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="74"/>
        <source>Refused %1: it is not enrolled in this event.</source>
        <translation>%1 연결을 거부했습니다: 이 행사에 등록된 기기가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="76"/>
        <source>Refused a device that is not enrolled in this event.</source>
        <translation>이 행사에 등록되지 않은 기기의 연결을 거부했습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="78"/>
        <source>Refused a connection from this device to itself.</source>
        <translation>이 기기가 자기 자신에게 연결하려는 것을 거부했습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="80"/>
        <source>%1 belongs to another event (%2): nothing was exchanged.</source>
        <translation>%1은(는) 다른 행사(%2)의 기기입니다: 아무것도 주고받지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="82"/>
        <source>The event data differs between this device and %1 (%2): load the same data on both. Nothing was exchanged.</source>
        <translation>이 기기와 %1의 행사 데이터가 다릅니다(%2): 양쪽에 같은 데이터를 불러오세요. 아무것도 주고받지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="92"/>
        <source>Session cancelled — recorded; check with the organiser.</source>
        <translation>취소된 세션 — 기록됨. 주최 측에 확인하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="105"/>
        <source>Nothing was read. Scan again.</source>
        <translation>읽힌 내용이 없습니다. 다시 스캔하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="106"/>
        <source>A badge of another event.</source>
        <translation>다른 행사의 명찰입니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="107"/>
        <source>Forged or altered badge: the signature does not match. Ask for ID.</source>
        <translation>위조 또는 변조된 명찰: 서명이 맞지 않습니다. 신분증을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="108"/>
        <source>Unknown badge version.</source>
        <translation>알 수 없는 명찰 버전입니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="109"/>
        <source>Not a badge code of this event.</source>
        <translation>이 행사의 명찰 코드가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="111"/>
        <source>This badge was replaced by a new one. Keep it; send the holder to the Welcome Center.</source>
        <translation>새 명찰로 교체된 명찰입니다. 회수하고 웰컴센터로 안내하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="113"/>
        <source>This attendee type is not on this list.</source>
        <translation>이 참가 유형은 대상이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="115"/>
        <source>This list is closed at this time.</source>
        <translation>지금은 운영 시간이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="117"/>
        <source>Not in this kiosk&apos;s attendee list. Send to the Welcome Center.</source>
        <translation>참가자 명단에 없습니다. 웰컴센터로 안내하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="125"/>
        <source>First checked in at %1 on %2.</source>
        <translation>최초 체크인: %1, %2</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="207"/>
        <location filename="../views/staff.py" line="245"/>
        <source>Only a staff member&apos;s badge ends the lock-out.</source>
        <translation>스태프 명찰만 잠금을 해제할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="208"/>
        <location filename="../views/staff.py" line="247"/>
        <source>Not a valid badge (%1).</source>
        <translation>유효한 명찰이 아닙니다 (%1).</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="212"/>
        <location filename="../views/staff.py" line="253"/>
        <source>Lock-out ended by %1 (staff badge). Enter your PIN.</source>
        <translation>%1 님이 잠금을 해제했습니다(스태프 명찰). PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="259"/>
        <source>Staff sign-in</source>
        <translation>직원 로그인</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="260"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="202"/>
        <location filename="../views/staff.py" line="300"/>
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>PIN 오류가 너무 많습니다. %n초 후 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="203"/>
        <location filename="../views/staff.py" line="301"/>
        <source>Staff: scan your staff badge here to end the lock-out.</source>
        <translation>스태프: 여기에서 스태프 명찰을 스캔하면 잠금이 해제됩니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="210"/>
        <location filename="../views/staff.py" line="306"/>
        <source>No PIN is set on this kiosk. Set one with: python main.py set-pin --role staff</source>
        <translation>이 키오스크에 PIN이 없습니다. 설정: python main.py set-pin --role staff</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="313"/>
        <source>Enter your PIN.</source>
        <translation>PIN을 입력하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="204"/>
        <location filename="../views/staff.py" line="390"/>
        <source>Wrong PIN. %n tries left.</source>
        <translation>PIN이 틀렸습니다. %n번 남았습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="632"/>
        <source>Check-in</source>
        <translation>체크인</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="633"/>
        <source>No badge? Search a name or badge number</source>
        <translation>명찰이 없나요? 이름이나 명찰 번호로 검색</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="634"/>
        <source>Last scans</source>
        <translation>최근 스캔</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="635"/>
        <source>Undo last check-in</source>
        <translation>마지막 체크인 취소</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="640"/>
        <source>Export CSV</source>
        <translation>CSV 내보내기</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="641"/>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../views/editor.py" line="274"/>
        <location filename="../views/meeting_desk.py" line="562"/>
        <location filename="../views/staff.py" line="642"/>
        <source>Lock</source>
        <translation>잠그기</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="643"/>
        <source>Room &amp; time changes</source>
        <translation>장소·시간 변경</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="690"/>
        <source>Sync is not running on this device: check-ins stay here until it does.</source>
        <translation>이 기기에서 동기화가 실행되지 않습니다. 체크인은 실행될 때까지 이 기기에만 있습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="694"/>
        <source>Online with %1</source>
        <translation>연결됨: %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="696"/>
        <source>OFFLINE — working alone</source>
        <translation>오프라인 — 단독으로 작동 중</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="698"/>
        <source>last sync %1</source>
        <translation>마지막 동기화 %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="700"/>
        <source>%n change(s) waiting</source>
        <translation>대기 중인 변경 %n건</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="703"/>
        <source>%n duplicate check-in(s) from devices that were apart</source>
        <translation>떨어져 있던 기기 간 중복 체크인 %n건</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="725"/>
        <source>⚠ session cancelled</source>
        <translation>⚠ 세션 취소됨</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="741"/>
        <source>manual</source>
        <translation>수동</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="743"/>
        <source>badge %1</source>
        <translation>명찰 %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="745"/>
        <source>no badge number read</source>
        <translation>명찰 번호 없음</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="780"/>
        <source>SESSION CANCELLED</source>
        <translation>세션 취소됨</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="781"/>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="782"/>
        <source>Scan a badge</source>
        <translation>명찰을 스캔하세요</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="786"/>
        <source>Scans are still recorded. Check with the organiser before letting anyone in.</source>
        <translation>스캔은 계속 기록됩니다. 입장시키기 전에 주최 측에 확인하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="874"/>
        <location filename="../views/staff.py" line="885"/>
        <location filename="../views/staff.py" line="900"/>
        <source>NOT RECORDED</source>
        <translation>기록되지 않음</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="886"/>
        <source>This device&apos;s clock says %1; ask the organiser.</source>
        <translation>이 기기의 시계가 %1(으)로 되어 있습니다. 주최 측에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="888"/>
        <source>Nothing was written: every other device would refuse a check-in dated outside the event.</source>
        <translation>아무것도 기록되지 않았습니다: 행사 기간 밖의 시각으로 된 체크인은 다른 모든 기기가 거부합니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="895"/>
        <source>%1: this device&apos;s clock says %2; ask the organiser.</source>
        <translation>%1: 이 기기의 시계가 %2(으)로 되어 있습니다. 주최 측에 문의하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="901"/>
        <source>The check-in could not be saved. Do not let in yet.</source>
        <translation>체크인을 저장하지 못했습니다. 아직 입장시키지 마세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="902"/>
        <source>Call the technical desk.</source>
        <translation>기술 지원 데스크에 연락하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="915"/>
        <source>Check in %1 (%2, %3)</source>
        <translation>%1 체크인 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="993"/>
        <source>Not registered</source>
        <translation>등록되지 않음</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1017"/>
        <source>Not undone</source>
        <translation>취소되지 않음</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1029"/>
        <source>Nothing to undo on this device.</source>
        <translation>이 기기에서 취소할 체크인이 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1031"/>
        <source>Check-in of %1 undone.</source>
        <translation>%1 체크인을 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1042"/>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1044"/>
        <source>Saved %1</source>
        <translation>저장됨: %1</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="706"/>
        <source>%n sync entries quarantined (details: sync status)</source>
        <translation>격리된 동기화 항목 %n건 (자세히: sync status)</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="963"/>
        <source>New walk-in: register “%1”…</source>
        <translation>현장 등록: “%1” 등록…</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="978"/>
        <source>Register “%1” as: %2</source>
        <translation>“%1” 등록 구분: %2</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="995"/>
        <source>Not registered: check the name (at most 100 characters).</source>
        <translation>등록되지 않았습니다: 이름을 확인하세요(최대 100자).</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1001"/>
        <source>Not registered: another device was saving. Try again.</source>
        <translation>등록되지 않았습니다: 다른 기기가 저장 중이었습니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <location filename="../views/staff.py" line="1005"/>
        <source>Registered %1: badge number %2 (print it with main.py badges).</source>
        <translation>%1 등록 완료: 명찰 번호 %2 (main.py badges로 인쇄).</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../views/main_window.py" line="620"/>
        <source>⌂ Home</source>
        <extracomment>Build the visitor screens not shown first this long after start-up (after the first frame). Staff mode&apos;s idle lock (s): longer than a visitor&apos;s 60 s reset — a volunteer reads the warnings and types a notice — but a desk left open still locks itself in two minutes. Before that lock discards an unsaved change, the desk says so this long ahead (a countdown).</extracomment>
        <translation>⌂ 처음으로</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="621"/>
        <source>Aa Larger text</source>
        <translation>가 큰 글자</translation>
    </message>
</context>
</TS>
