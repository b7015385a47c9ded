<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Agenda</name>
    <message>
        <location filename="../views/agenda.py" line="66" />
        <source>Agenda</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <location filename="../views/agenda.py" line="67" />
        <source>Sessions side by side run at the same time. Tap a session for details and directions.</source>
        <translation>나란히 놓인 세션은 같은 시간에 진행됩니다. 세션을 누르면 상세 정보와 가는 길이 나옵니다.</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../views/session_detail.py" line="116" />
        <source>‹ Back</source>
        <translation>‹ 뒤로</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="132" />
        <source>Speakers</source>
        <translation>연사</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="146" />
        <source>Where</source>
        <translation>장소</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="155" />
        <source>Room as planned for this demo; check the signs on site.</source>
        <translation>데모용으로 배정한 장소입니다. 현장 안내판을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="160" />
        <source>From this kiosk:</source>
        <translation>이 키오스크에서:</translation>
    </message>
    <message>
        <location filename="../views/session_detail.py" line="172" />
        <source>Room to be announced.</source>
        <translation>장소 추후 공지</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <location filename="../views/error_screen.py" line="45" />
        <source>This kiosk cannot open its event data</source>
        <translation>키오스크가 행사 데이터를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="46" />
        <source>Nothing has been changed or lost. Please call a member of staff.</source>
        <translation>변경되거나 손실된 것은 없습니다. 직원을 불러 주세요.</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="50" />
        <source>For staff:</source>
        <translation>직원용:</translation>
    </message>
    <message>
        <location filename="../views/error_screen.py" line="52" />
        <source>Error code: %1</source>
        <translation>오류 코드: %1</translation>
    </message>
</context>
<context>
    <name>Exhibitors</name>
    <message>
        <location filename="../views/exhibitors.py" line="102" />
        <location filename="../views/exhibitors.py" line="154" />
        <source>No booth</source>
        <translation>부스 없음</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="103" />
        <location filename="../views/exhibitors.py" line="155" />
        <location filename="../views/exhibitors.py" line="359" />
        <source>Uncategorised</source>
        <translation>미분류</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="156" />
        <source>Booth</source>
        <translation>부스</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="161" />
        <source>Products</source>
        <translation>제품</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="170" />
        <source>Scan for their page</source>
        <translation>스캔하면 기업 페이지로</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="326" />
        <source>Exhibitors</source>
        <translation>참가기업</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="327" />
        <source>Search a name or booth number</source>
        <translation>기업명 또는 부스 번호 검색</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="329" />
        <source>Whole hall</source>
        <translation>전시장 전체</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="335" />
        <source>Free booth</source>
        <translation>빈 부스</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="355" />
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="364" />
        <source>All countries</source>
        <translation>모든 국가</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="370" />
        <source>%n exhibitor(s) match</source>
        <translation>%n개 기업</translation>
    </message>
    <message>
        <location filename="../views/exhibitors.py" line="425" />
        <source>Ask staff for the way</source>
        <translation>길은 직원에게 문의하세요</translation>
    </message>
</context>
<context>
    <name>Home</name>
    <message>
        <location filename="../views/home.py" line="130" />
        <source>Agenda  ›</source>
        <translation>프로그램  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="131" />
        <source>Exhibitors &amp;&amp; floor map  ›</source>
        <translation>참가기업 &amp;&amp; 전시장 지도  ›</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="132" />
        <source>Staff</source>
        <translation>직원</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="138" />
        <source>Korea time (KST)</source>
        <translation>한국 시간 (KST)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="142" />
        <source>On now</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="146" />
        <source>Nothing is on right now.</source>
        <translation>지금 진행 중인 세션이 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="148" />
        <source>Next hour</source>
        <translation>1시간 이내 시작</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="151" />
        <source>Coming up</source>
        <translation>다음 일정</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="154" />
        <source>Nothing more is scheduled.</source>
        <translation>남은 일정이 없습니다.</translation>
    </message>
</context>
<context>
    <name>Map</name>
    <message>
        <location filename="../views/map_view.py" line="169" />
        <source>You are here</source>
        <extracomment>Scene units per metre: booths 3 m → 36 px at zoom 1.</extracomment>
        <translation>현재 위치</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <location filename="../views/phrases.py" line="12" />
        <source>Ceremony</source>
        <translation>의식</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="13" />
        <source>Keynote</source>
        <translation>기조연설</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="14" />
        <source>Roundtable</source>
        <translation>라운드테이블</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="15" />
        <source>Master class</source>
        <translation>마스터클래스</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="16" />
        <source>Forum</source>
        <translation>포럼</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="17" />
        <source>Matchmaking</source>
        <translation>비즈니스 상담</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="18" />
        <source>Meeting</source>
        <translation>회의</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="19" />
        <source>Meal</source>
        <translation>식사</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="20" />
        <source>Reception</source>
        <translation>리셉션</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="21" />
        <source>Tour</source>
        <translation>투어</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="22" />
        <source>Exhibition</source>
        <translation>전시</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="29" />
        <source>Moderator</source>
        <translation>좌장</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="30" />
        <source>Speaker</source>
        <translation>연사</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="31" />
        <source>Panelist</source>
        <translation>패널</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="47" />
        <source>NOW · until %1</source>
        <translation>진행 중 · %1까지</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="48" />
        <source>NOW · %n min left</source>
        <translation>진행 중 · %n분 남음</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="52" />
        <source>NEXT · in %n min</source>
        <translation>곧 시작 · %n분 후</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="56" />
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="60" />
        <source>Moved: %1 → %2</source>
        <translation>장소 변경: %1 → %2</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="64" />
        <source>New time (was %1)</source>
        <translation>시간 변경 (기존 %1)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="73" />
        <source>ddd d MMMM</source>
        <translation>M월 d일 (ddd)</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="79" />
        <source>Korea</source>
        <translation>한국</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="80" />
        <source>Malaysia</source>
        <translation>말레이시아</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="81" />
        <source>Mongolia</source>
        <translation>몽골</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="82" />
        <source>Thailand</source>
        <translation>태국</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="83" />
        <source>Pakistan</source>
        <translation>파키스탄</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="84" />
        <source>Iran</source>
        <translation>이란</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="85" />
        <source>Taiwan</source>
        <translation>대만</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="86" />
        <source>Uzbekistan</source>
        <translation>우즈베키스탄</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="87" />
        <source>Indonesia</source>
        <translation>인도네시아</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="94" />
        <source>%1 m · about %n min walk</source>
        <translation>%1m · 도보 약 %n분</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="97" />
        <source>lift to %1</source>
        <translation>엘리베이터로 %1</translation>
    </message>
    <message>
        <location filename="../views/phrases.py" line="99" />
        <source>stairs to %1</source>
        <translation>계단으로 %1</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../views/main_window.py" line="160" />
        <source>Staff functions are not enabled on this kiosk.</source>
        <translation>이 키오스크에서는 직원 기능을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="193" />
        <source>⌂ Home</source>
        <translation>⌂ 처음으로</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="194" />
        <source>Aa Larger text</source>
        <translation>가 큰 글자</translation>
    </message>
</context>
</TS>