<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AchievementDialog</name>
    <message>
        <source>Edit achievement</source>
        <translation>성과 편집</translation>
    </message>
    <message>
        <source>New achievement</source>
        <translation>새 성과</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>종류(&amp;K):</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>Best Paper Award</source>
        <translation>최우수 논문상</translation>
    </message>
    <message>
        <source>&amp;Year only</source>
        <translation>연도만(&amp;Y)</translation>
    </message>
    <message>
        <source>The month is not known: pages write the year alone</source>
        <translation>월을 모릅니다: 페이지에 연도만 씁니다</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>월(&amp;M):</translation>
    </message>
    <message>
        <source>The month of its news line</source>
        <translation>뉴스 줄에 붙는 달</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>일(&amp;D):</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>지정 안 함</translation>
    </message>
    <message>
        <source>M&amp;embers:</source>
        <translation>구성원(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>기관(&amp;O):</translation>
    </message>
    <message>
        <source>Who gave it, or where</source>
        <translation>수여한 곳 또는 장소</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>링크(&amp;L):</translation>
    </message>
    <message>
        <source>Se&amp;ntence:</source>
        <translation>문장(&amp;N):</translation>
    </message>
    <message>
        <source>Leave empty to use the generated one</source>
        <translation>비워 두면 자동으로 만든 문장을 씁니다</translation>
    </message>
    <message>
        <source>The news line, word for word, when the generated one is not right</source>
        <translation>자동으로 만든 문장이 맞지 않을 때 그대로 쓸 뉴스 문장</translation>
    </message>
    <message>
        <source>Announce it in the yearly &amp;news</source>
        <translation>연도별 소식에 알리기(&amp;N)</translation>
    </message>
    <message>
        <source>On the page</source>
        <translation>페이지에</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>역할(&amp;R):</translation>
    </message>
    <message>
        <source>Project Investigator</source>
        <translation>연구책임자</translation>
    </message>
    <message>
        <source>The member&apos;s part in a project</source>
        <translation>과제에서 멤버가 맡은 역할</translation>
    </message>
    <message>
        <source>&amp;End year:</source>
        <translation>종료 연도(&amp;E):</translation>
    </message>
    <message>
        <source>A project&apos;s last year; it starts in the year of its date</source>
        <translation>과제의 마지막 연도. 시작은 날짜의 연도입니다</translation>
    </message>
    <message>
        <source>of ? teams</source>
        <translation>/ ?팀</translation>
    </message>
    <message>
        <source>of </source>
        <translation>/ </translation>
    </message>
    <message>
        <source>R&amp;ank:</source>
        <translation>순위(&amp;A):</translation>
    </message>
    <message>
        <source>A challenge&apos;s place, of how many teams</source>
        <translation>대회 순위와 참가 팀 수</translation>
    </message>
    <message>
        <source>Descri&amp;ption:</source>
        <translation>설명(&amp;P):</translation>
    </message>
    <message>
        <source>One line each</source>
        <translation>한 줄에 하나씩</translation>
    </message>
    <message>
        <source>Lin&amp;ks:</source>
        <translation>링크(&amp;K):</translation>
    </message>
    <message>
        <source>{0} has {1} days.</source>
        <translation>{0}: {1}일까지 있습니다.</translation>
    </message>
    <message>
        <source>A date known to the year only has no day.</source>
        <translation>연도만 아는 날짜에는 일이 없습니다.</translation>
    </message>
    <message>
        <source>It ends before it starts.</source>
        <translation>시작보다 먼저 끝납니다.</translation>
    </message>
    <message>
        <source>A place among the teams: 1 to {0}.</source>
        <translation>팀 중 순위: 1부터 {0}까지.</translation>
    </message>
</context>
<context>
    <name>AchievementsModel</name>
    <message>
        <source>award</source>
        <translation>수상</translation>
    </message>
    <message>
        <source>talk</source>
        <translation>발표</translation>
    </message>
    <message>
        <source>grant</source>
        <translation>연구비</translation>
    </message>
    <message>
        <source>project</source>
        <translation>과제</translation>
    </message>
    <message>
        <source>challenge</source>
        <translation>챌린지</translation>
    </message>
    <message>
        <source>service</source>
        <translation>봉사</translation>
    </message>
    <message>
        <source>media</source>
        <translation>언론</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>기관</translation>
    </message>
</context>
<context>
    <name>AchievementsView</name>
    <message>
        <source>achievement</source>
        <translation>성과</translation>
    </message>
    <message>
        <source>achievements</source>
        <translation>성과</translation>
    </message>
    <message>
        <source>&amp;New achievement…</source>
        <translation>새 성과(&amp;N)…</translation>
    </message>
    <message>
        <source>Add an award, talk, grant or other news</source>
        <translation>수상, 발표, 연구비 등의 소식을 추가합니다</translation>
    </message>
    <message>
        <source>Search titles, members and organisations</source>
        <translation>제목, 구성원, 기관 검색</translation>
    </message>
    <message>
        <source>No achievements yet: awards, talks, grants and other news that is not a paper. Add one, import them, or try labnews on the demo lab.</source>
        <translation>아직 성과가 없습니다. 수상, 강연, 과제처럼 논문이 아닌 소식입니다. 하나를 추가하거나, 가져오거나, 데모 연구실에서 labnews를 써 보세요.</translation>
    </message>
</context>
<context>
    <name>AdoptDialog</name>
    <message>
        <source>Adopt a homepage page</source>
        <translation>홈페이지 페이지 가져와 관리하기</translation>
    </message>
    <message>
        <source>Adopt &lt;b&gt;{0}&lt;/b&gt;?</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 페이지를 labnews로 관리할까요?</translation>
    </message>
    <message>
        <source>&amp;Adopt</source>
        <translation>관리 시작(&amp;A)</translation>
    </message>
    <message>
        <source>Import the news and write the page (the previous one becomes .bak)</source>
        <translation>뉴스를 가져오고 페이지를 씁니다 (이전 페이지는 .bak 파일로 남습니다)</translation>
    </message>
    <message>
        <source>Every news line of the page is in the lab already: nothing to import.</source>
        <translation>페이지의 모든 뉴스 줄이 이미 연구실 기록에 있습니다. 가져올 것이 없습니다.</translation>
    </message>
    <message>
        <source>Imports {0} papers from the page&apos;s news.</source>
        <translation>페이지의 뉴스에서 논문 {0}편을 가져옵니다.</translation>
    </message>
    <message>
        <source>{0}: already in the lab: {1}, new: {2}</source>
        <translation>{0}년: 이미 연구실에 {1}편, 새로 {2}편</translation>
    </message>
    <message>
        <source>The page has the labnews markers already; it stays as it is.</source>
        <translation>페이지에 labnews 표시가 이미 있어 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Wraps lines {0}-{1}, the news block, in the labnews markers; nothing else in the page changes, and the page as it is now is kept as {2}.</source>
        <translation>뉴스 블록인 {0}-{1}번째 줄을 labnews 표시로 감쌉니다. 페이지의 다른 부분은 바뀌지 않으며, 지금의 페이지는 다음 파일로 보관됩니다: {2}</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <source>Importing</source>
        <translation>가져오는 중</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>The chart appears once there are papers.</source>
        <translation>논문이 생기면 차트가 나타납니다.</translation>
    </message>
    <message>
        <source>Papers per year</source>
        <translation>연도별 논문</translation>
    </message>
    <message>
        <source>Click a bar to see its papers</source>
        <translation>막대를 누르면 해당 논문을 봅니다</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>차트를 그리는 중…</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>{label}, {year}: {count} of {total} papers (click to see them)</source>
        <translation>{year}년 {label}: 논문 {total}편 중 {count}편 (누르면 목록을 봅니다)</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check the database</source>
        <translation>데이터베이스 점검</translation>
    </message>
    <message>
        <source>&amp;Repair what is safe</source>
        <translation>안전한 항목 고치기(&amp;R)</translation>
    </message>
    <message>
        <source>Takes a backup first, then repairs in one step; the rest is left to you</source>
        <translation>먼저 백업한 뒤 한 번에 고칩니다. 나머지는 직접 고쳐야 합니다</translation>
    </message>
    <message>
        <source>The checks could not run: {0}</source>
        <translation>점검을 실행할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>{0} problems found.</source>
        <translation>문제 {0}개를 찾았습니다.</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>문제가 없습니다.</translation>
    </message>
    <message>
        <source>note: {0}: {1}</source>
        <translation>참고: {0}: {1}</translation>
    </message>
    <message>
        <source>problem: {0}: {1}</source>
        <translation>문제: {0}: {1}</translation>
    </message>
    <message>
        <source> (Repair fixes it)</source>
        <translation> (고치기로 해결됨)</translation>
    </message>
    <message>
        <source>Nothing repaired: {0}</source>
        <translation>고친 것이 없습니다: {0}</translation>
    </message>
    <message>
        <source>fixed: {0}</source>
        <translation>고침: {0}</translation>
    </message>
</context>
<context>
    <name>CheckNames</name>
    <message>
        <source>integrity</source>
        <translation>무결성</translation>
    </message>
    <message>
        <source>foreign keys</source>
        <translation>외래 키</translation>
    </message>
    <message>
        <source>indexes</source>
        <translation>색인</translation>
    </message>
    <message>
        <source>venue catalog</source>
        <translation>게재처 목록</translation>
    </message>
    <message>
        <source>placeholders</source>
        <translation>제목 없는 논문</translation>
    </message>
    <message>
        <source>paper without venue</source>
        <translation>게재처 없는 논문</translation>
    </message>
    <message>
        <source>member listed twice</source>
        <translation>두 번 적힌 구성원</translation>
    </message>
    <message>
        <source>featured member</source>
        <translation>대표 구성원</translation>
    </message>
    <message>
        <source>duplicate DOI</source>
        <translation>중복 DOI</translation>
    </message>
    <message>
        <source>workshop without parent</source>
        <translation>상위 학회 없는 워크숍</translation>
    </message>
    <message>
        <source>venue cycle</source>
        <translation>게재처 순환</translation>
    </message>
    <message>
        <source>ambiguous alias</source>
        <translation>모호한 별칭</translation>
    </message>
    <message>
        <source>probable duplicate</source>
        <translation>중복 의심</translation>
    </message>
    <message>
        <source>no member</source>
        <translation>구성원 없음</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>다른 사람이 변경함</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile.</source>
        <translation>그사이 다른 사람이 이 기록을 바꿨습니다.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Homepage</source>
        <translation>홈페이지</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>arXiv</source>
        <translation>arXiv</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>한글 이름</translation>
    </message>
    <message>
        <source>ORCID</source>
        <translation>ORCID</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>약칭</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>정식 이름</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>집계 이름</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>기관</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>Choose a row to see its details here</source>
        <translation>행을 고르면 여기에 자세한 내용이 나옵니다</translation>
    </message>
    <message>
        <source>Type a number, such as 2025</source>
        <translation>2025처럼 숫자를 입력하세요</translation>
    </message>
    <message>
        <source>This field cannot be empty</source>
        <translation>이 칸은 비워 둘 수 없습니다</translation>
    </message>
    <message>
        <source>This record cannot be changed here</source>
        <translation>이 기록은 여기서 바꿀 수 없습니다</translation>
    </message>
    <message>
        <source>&amp;Detail Pane</source>
        <translation>자세히 보기 창(&amp;D)</translation>
    </message>
    <message>
        <source>Show the chosen record&apos;s fields beside each table</source>
        <translation>각 표 옆에 고른 기록의 항목을 보여 줍니다</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>&amp;Changes:</source>
        <translation>변경 내용(&amp;C):</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Quick guide</source>
        <translation>빠른 안내</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>The title names the database you work on. File &gt; Open the demo lab gives you a real lab&apos;s papers to try things on; File &gt; Import brings in a news page, BibTeX or a CSV/JSON table (or drop the file on the window).</source>
        <translation>창 제목은 작업 중인 데이터베이스의 이름입니다. 파일 &gt; 데모 연구실 열기는 실제 연구실의 논문으로 이것저것 해 볼 수 있게 해 주고, 파일 &gt; 가져오기는 뉴스 페이지, BibTeX, CSV/JSON 표를 가져옵니다(파일을 창에 끌어다 놓아도 됩니다).</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>A year&apos;s tally as a sentence, a chart of papers per year by venue (hover for the numbers, click a bar to see its papers), the year&apos;s members, and the news lines that are not on the homepage yet.</source>
        <translation>한 해의 집계를 한 문장으로, 게재처별로 쌓은 연도별 논문 차트(마우스를 올리면 숫자가, 막대를 누르면 그 논문들이 보입니다), 그해의 구성원, 아직 홈페이지에 없는 뉴스 줄을 보여 줍니다.</translation>
    </message>
    <message>
        <source>Papers, Members, Venues, Achievements</source>
        <translation>논문, 구성원, 게재처, 성과</translation>
    </message>
    <message>
        <source>Tables with search as you type and filters; sort by any column, double-click a row to edit it, select several rows to delete them at once.</source>
        <translation>입력하는 대로 찾는 검색과 필터가 있는 표입니다. 어느 열로든 정렬하고, 행을 두 번 눌러 편집하고, 여러 행을 골라 한 번에 삭제합니다.</translation>
    </message>
    <message>
        <source>New acceptance</source>
        <translation>새 채택 논문</translation>
    </message>
    <message>
        <source>Completes venues from short names, full names and aliases, matches authors to members in either name order, and fills the news month from the venue.</source>
        <translation>게재처를 약칭, 전체 이름, 별칭으로 완성하고, 저자를 이름 순서와 상관없이 구성원과 맞추며, 뉴스 월을 게재처에서 채웁니다.</translation>
    </message>
    <message>
        <source>News</source>
        <translation>뉴스</translation>
    </message>
    <message>
        <source>The news in any format and language, rendered beside the raw text: copy it, save it, or publish it into the homepage file (you see the change first, and the previous file is kept as .bak).</source>
        <translation>어떤 형식과 언어의 뉴스든 원문 옆에 렌더링해 보여 줍니다. 복사하거나 저장하거나 홈페이지 파일에 게시할 수 있습니다(바뀌는 내용을 먼저 보여 주고, 이전 파일은 .bak으로 남깁니다).</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>안전</translation>
    </message>
    <message>
        <source>Every change can be undone and redone. Database &gt; Check the database finds damage and repairs what is safe; a verified backup is taken a few minutes after the last change and when the window closes.</source>
        <translation>모든 변경은 실행 취소하고 다시 실행할 수 있습니다. 데이터베이스 &gt; 데이터베이스 점검은 손상을 찾아 안전한 것을 고칩니다. 마지막 변경 몇 분 뒤와 창을 닫을 때 검증된 백업을 만듭니다.</translation>
    </message>
    <message>
        <source>Help &gt; Keyboard shortcuts lists every shortcut.</source>
        <translation>도움말 &gt; 단축키에 모든 단축키가 있습니다.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>읽을 수 없습니다: {0}: {1}</translation>
    </message>
    <message>
        <source>&amp;Papers ({0})</source>
        <translation>논문(&amp;P) ({0})</translation>
    </message>
    <message>
        <source>&amp;Members ({0})</source>
        <translation>구성원(&amp;M) ({0})</translation>
    </message>
    <message>
        <source>&amp;Venues ({0})</source>
        <translation>게재처(&amp;V) ({0})</translation>
    </message>
    <message>
        <source>&amp;Achievements ({0})</source>
        <translation>성과(&amp;A) ({0})</translation>
    </message>
    <message>
        <source>&amp;Report ({0})</source>
        <translation>보고(&amp;R) ({0})</translation>
    </message>
    <message>
        <source>&lt;b&gt;1 paper&lt;/b&gt; to create</source>
        <translation>만들 논문 &lt;b&gt;1편&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0} papers&lt;/b&gt; to create</source>
        <translation>만들 논문 &lt;b&gt;{0}편&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0}: already in the lab: {1}, new: {2}</source>
        <translation>{0}년: 이미 연구실에 {1}편, 새로 {2}편</translation>
    </message>
    <message>
        <source>{0} new members</source>
        <translation>새 구성원 {0}명</translation>
    </message>
    <message>
        <source>1 new member</source>
        <translation>새 구성원 1명</translation>
    </message>
    <message>
        <source>{0} new venues</source>
        <translation>새 게재처 {0}곳</translation>
    </message>
    <message>
        <source>1 new venue</source>
        <translation>새 게재처 1곳</translation>
    </message>
    <message>
        <source>{0} achievements</source>
        <translation>성과 {0}건</translation>
    </message>
    <message>
        <source>1 achievement</source>
        <translation>성과 1건</translation>
    </message>
    <message>
        <source>1 tally order to pin</source>
        <translation>고정할 집계 순서 1개</translation>
    </message>
    <message>
        <source>{0} tally orders to pin</source>
        <translation>고정할 집계 순서 {0}개</translation>
    </message>
    <message>
        <source>{0} matched, {1} skipped, {2} warnings</source>
        <translation>일치 {0}, 건너뜀 {1}, 경고 {2}</translation>
    </message>
    <message>
        <source>From &lt;b&gt;{0}&lt;/b&gt;:</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;에서:</translation>
    </message>
    <message>
        <source>&amp;Tallies ({0})</source>
        <translation>집계(&amp;T) ({0})</translation>
    </message>
    <message>
        <source>1 tally label to set</source>
        <translation>설정할 집계 라벨 1개</translation>
    </message>
    <message>
        <source>{0} tally labels to set</source>
        <translation>설정할 집계 라벨 {0}개</translation>
    </message>
    <message>
        <source>The file has {0} errors (see the Report): fix them, then import again.</source>
        <translation>파일에 오류가 {0}개 있습니다(보고 탭 참고). 고친 뒤 다시 가져오세요.</translation>
    </message>
    <message>
        <source>Importing {0} papers from &lt;b&gt;{1}&lt;/b&gt;…</source>
        <translation>&lt;b&gt;{1}&lt;/b&gt;에서 논문 {0}편을 가져오는 중…</translation>
    </message>
    <message>
        <source>Cancelling: undoing what was imported…</source>
        <translation>취소하는 중: 가져온 내용을 되돌립니다…</translation>
    </message>
    <message>
        <source>A backup of the database was taken first: {0}</source>
        <translation>가져오기 전에 데이터베이스를 백업했습니다: {0}</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>The import is done.</source>
        <translation>가져오기를 마쳤습니다.</translation>
    </message>
    <message>
        <source>{0} papers</source>
        <translation>논문 {0}편</translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation>논문 1편</translation>
    </message>
    <message>
        <source>1 tally label set</source>
        <translation>집계 라벨 1개 설정</translation>
    </message>
    <message>
        <source>{0} tally labels set</source>
        <translation>집계 라벨 {0}개 설정</translation>
    </message>
    <message>
        <source>1 tally order pinned</source>
        <translation>집계 순서 1개 고정</translation>
    </message>
    <message>
        <source>{0} tally orders pinned</source>
        <translation>집계 순서 {0}개 고정</translation>
    </message>
    <message>
        <source>Imported: {0}.</source>
        <translation>가져온 내용: {0}.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported, the database is as it was.</source>
        <translation>가져오기를 취소했습니다. 아무것도 가져오지 않았고 데이터베이스는 그대로입니다.</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>가져오지 못함</translation>
    </message>
    <message>
        <source>The import failed, and nothing was imported: {0}</source>
        <translation>가져오기에 실패하여 아무것도 가져오지 않았습니다: {0}</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
</context>
<context>
    <name>LinkFill</name>
    <message>
        <source>Fill</source>
        <translation>채우기</translation>
    </message>
    <message>
        <source>Ask the service for the paper&apos;s details</source>
        <translation>서비스에 논문 정보를 물어봅니다</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <source>Paste a link from the clipboard and fill</source>
        <translation>클립보드의 링크를 붙여넣고 채웁니다</translation>
    </message>
    <message>
        <source>From a lin&amp;k:</source>
        <translation>링크로 채우기(&amp;K):</translation>
    </message>
    <message>
        <source>DOI, arXiv, OpenReview, DBLP or ACL Anthology link</source>
        <translation>DOI, arXiv, OpenReview, DBLP 또는 ACL Anthology 링크</translation>
    </message>
    <message>
        <source>labnews asks the service only when you press Fill or Paste</source>
        <translation>채우기나 붙여넣기를 누를 때만 labnews가 서비스에 묻습니다</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <source>Paste or type a DOI, arXiv, OpenReview or DBLP link.</source>
        <translation>DOI, arXiv, OpenReview 또는 DBLP 링크를 붙여넣거나 입력하세요.</translation>
    </message>
    <message>
        <source>Asking…</source>
        <translation>묻는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Already in the lab: “{0}”.</source>
        <translation>이미 연구실에 있습니다: “{0}”.</translation>
    </message>
    <message>
        <source>{0} knows no venue that accepted it yet: type the venue.</source>
        <translation>{0}에는 아직 게재처가 없습니다: 게재처를 입력하세요.</translation>
    </message>
    <message>
        <source>Filled from {0}; its venue is not in the lab yet: add it with New venue.</source>
        <translation>{0}에서 채웠습니다. 게재처가 아직 연구실에 없으니 새 게재처로 추가하세요.</translation>
    </message>
    <message>
        <source>Filled from {0}: check the fields, then save.</source>
        <translation>{0}에서 채웠습니다: 내용을 확인하고 저장하세요.</translation>
    </message>
</context>
<context>
    <name>LinksEditor</name>
    <message>
        <source>Kind: link (a labelled link such as Homepage), video (a YouTube link is embedded, its start time kept), embed (another page shown in a frame) or image</source>
        <translation>종류: 링크(Homepage 같은 이름 붙은 링크), 동영상(YouTube 링크를 시작 시간 그대로 삽입), 삽입 페이지(다른 페이지를 프레임에 표시) 또는 이미지</translation>
    </message>
    <message>
        <source>&amp;Add link</source>
        <translation>링크 추가(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve link</source>
        <translation>링크 삭제(&amp;V)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Add lin&amp;k</source>
        <translation>링크 추가(&amp;K)</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>링크 삭제</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
</context>
<context>
    <name>LinksModel</name>
    <message>
        <source>link</source>
        <translation>링크</translation>
    </message>
    <message>
        <source>video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <source>embedded page</source>
        <translation>삽입 페이지</translation>
    </message>
    <message>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>개요</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>성과</translation>
    </message>
    <message>
        <source>News</source>
        <translation>뉴스</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>새 데이터베이스(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty lab database in a file</source>
        <translation>빈 연구실 데이터베이스 파일을 만듭니다</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>데이터베이스 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a lab database file</source>
        <translation>연구실 데이터베이스 파일을 엽니다</translation>
    </message>
    <message>
        <source>Open a &amp;server database…</source>
        <translation>서버 데이터베이스 열기(&amp;S)…</translation>
    </message>
    <message>
        <source>Open a shared PostgreSQL database by its URL</source>
        <translation>공유 PostgreSQL 데이터베이스를 URL로 엽니다</translation>
    </message>
    <message>
        <source>Open the &amp;demo lab</source>
        <translation>데모 연구실 열기(&amp;D)</translation>
    </message>
    <message>
        <source>A real lab&apos;s 2022-2024 papers, to try labnews on</source>
        <translation>실제 연구실의 2022-2024년 논문으로 labnews를 써 봅니다</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>가져오기(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring in a news page, BibTeX or a CSV/JSON table (or drop it here)</source>
        <translation>뉴스 페이지, BibTeX, CSV/JSON 표를 가져옵니다 (창에 끌어다 놓아도 됩니다)</translation>
    </message>
    <message>
        <source>Save the ne&amp;ws as…</source>
        <translation>뉴스를 다른 이름으로 저장(&amp;W)…</translation>
    </message>
    <message>
        <source>Write the news, as the News view shows it, to a file</source>
        <translation>뉴스 보기에 보이는 뉴스를 파일로 씁니다</translation>
    </message>
    <message>
        <source>&amp;Publish into the homepage…</source>
        <translation>홈페이지에 게시(&amp;P)…</translation>
    </message>
    <message>
        <source>Write the news between the labnews markers of the homepage file</source>
        <translation>홈페이지 파일의 labnews 표시 사이에 뉴스를 씁니다</translation>
    </message>
    <message>
        <source>&amp;Adopt a homepage page…</source>
        <translation>홈페이지 페이지 가져와 관리하기(&amp;A)…</translation>
    </message>
    <message>
        <source>Import the news of a page kept by hand and wrap it in the labnews markers</source>
        <translation>손으로 관리하던 페이지의 뉴스를 가져오고 labnews 표시로 감쌉니다</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>설정(&amp;T)…</translation>
    </message>
    <message>
        <source>The lab&apos;s name, news defaults, tally rules, homepage file, language</source>
        <translation>연구실 이름, 뉴스 기본값, 집계 규칙, 홈페이지 파일, 언어</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <source>New &amp;acceptance…</source>
        <translation>새 채택 논문(&amp;A)…</translation>
    </message>
    <message>
        <source>Record a newly accepted paper</source>
        <translation>새로 채택된 논문을 기록합니다</translation>
    </message>
    <message>
        <source>New &amp;member…</source>
        <translation>새 구성원(&amp;M)…</translation>
    </message>
    <message>
        <source>New &amp;venue…</source>
        <translation>새 게재처(&amp;V)…</translation>
    </message>
    <message>
        <source>New ac&amp;hievement…</source>
        <translation>새 성과(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Edit selected…</source>
        <translation>선택 항목 편집(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected record (or double-click it)</source>
        <translation>선택한 기록을 편집합니다 (두 번 눌러도 됩니다)</translation>
    </message>
    <message>
        <source>Dupli&amp;cate…</source>
        <translation>복제(&amp;C)…</translation>
    </message>
    <message>
        <source>A new paper with the same venue, dates and authors</source>
        <translation>게재처, 날짜, 저자가 같은 새 논문</translation>
    </message>
    <message>
        <source>Member&apos;s &amp;page…</source>
        <translation>구성원 페이지(&amp;P)…</translation>
    </message>
    <message>
        <source>The selected member&apos;s papers and achievements; copy their own lists</source>
        <translation>선택한 구성원의 논문과 성과를 보고, 그 구성원의 목록을 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected records (undo brings them back)</source>
        <translation>선택한 기록을 삭제합니다 (실행 취소로 되살릴 수 있습니다)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>찾기(&amp;F)…</translation>
    </message>
    <message>
        <source>Search this table</source>
        <translation>이 표에서 찾습니다</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>다시 읽기(&amp;R)</translation>
    </message>
    <message>
        <source>Read everything again (to see changes others made)</source>
        <translation>모두 다시 읽습니다 (다른 사람의 변경을 보려면)</translation>
    </message>
    <message>
        <source>&amp;About labnews</source>
        <translation>labnews 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Check the database…</source>
        <translation>데이터베이스 점검(&amp;C)…</translation>
    </message>
    <message>
        <source>Look for damage and for records that do not add up; repair what is safe</source>
        <translation>손상과 맞지 않는 기록을 찾고, 안전한 것은 고칩니다</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>지금 백업(&amp;B)</translation>
    </message>
    <message>
        <source>Take a verified copy of the database into its backups folder</source>
        <translation>검증된 데이터베이스 사본을 백업 폴더에 만듭니다</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>데이터베이스(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>실행 취소(&amp;U): {0}</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>다시 실행(&amp;R): {0}</translation>
    </message>
    <message>
        <source>&amp;Delete {0} {1}</source>
        <translation>{1} {0}개 삭제(&amp;D)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>데이터베이스를 열 수 없음</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>열었습니다: {0}</translation>
    </message>
    <message>
        <source>Reloaded everything from the database</source>
        <translation>데이터베이스에서 모두 다시 읽었습니다</translation>
    </message>
    <message>
        <source>Reloaded: the lab was changed by another program</source>
        <translation>다른 프로그램이 연구실 기록을 바꾸어 다시 읽었습니다</translation>
    </message>
    <message>
        <source>Open or create a database first (File menu)</source>
        <translation>먼저 데이터베이스를 열거나 만드세요 (파일 메뉴)</translation>
    </message>
    <message>
        <source>New lab database</source>
        <translation>새 연구실 데이터베이스</translation>
    </message>
    <message>
        <source>labnews databases (*.sqlite *.db);;All files (*)</source>
        <translation>labnews 데이터베이스 (*.sqlite *.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open a lab database</source>
        <translation>연구실 데이터베이스 열기</translation>
    </message>
    <message>
        <source>Open a server database</source>
        <translation>서버 데이터베이스 열기</translation>
    </message>
    <message>
        <source>The database URL, for example
postgresql+psycopg://user@host/lab
(the password may come from ~/.pgpass instead of the URL):</source>
        <translation>데이터베이스 URL (예:
postgresql+psycopg://user@host/lab
비밀번호는 URL 대신 ~/.pgpass에 둘 수 있습니다):</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>최근 데이터베이스 없음</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Cannot open the demo lab</source>
        <translation>데모 연구실을 열 수 없음</translation>
    </message>
    <message>
        <source>No backup taken: {0}</source>
        <translation>백업하지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Backed up to {0}</source>
        <translation>{0}에 백업했습니다</translation>
    </message>
    <message>
        <source>No backup taken</source>
        <translation>백업하지 못했습니다</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>저장하지 못함</translation>
    </message>
    <message>
        <source>Imported 1 paper</source>
        <translation>논문 1편을 가져왔습니다</translation>
    </message>
    <message>
        <source>Imported {0} papers</source>
        <translation>논문 {0}편을 가져왔습니다</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing changed</source>
        <translation>가져오기를 취소했습니다. 바뀐 것은 없습니다</translation>
    </message>
    <message>
        <source>The import failed; nothing changed</source>
        <translation>가져오기에 실패했습니다. 바뀐 것은 없습니다</translation>
    </message>
    <message>
        <source>Choose the homepage file (with the labnews markers)</source>
        <translation>홈페이지 파일 고르기 (labnews 표시가 있는 파일)</translation>
    </message>
    <message>
        <source>Adopt a homepage page</source>
        <translation>홈페이지 페이지 가져와 관리하기</translation>
    </message>
    <message>
        <source>Homepage pages (*.md *.markdown *.html *.htm);;All files (*)</source>
        <translation>홈페이지 문서 (*.md *.markdown *.html *.htm);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot adopt the page</source>
        <translation>페이지를 관리할 수 없습니다</translation>
    </message>
    <message>
        <source>{0} is adopted already; nothing to import</source>
        <translation>이미 labnews로 관리하는 페이지입니다: {0} (가져올 것이 없습니다)</translation>
    </message>
    <message>
        <source>Imported, but the page is not written</source>
        <translation>가져왔지만 페이지는 쓰지 못했습니다</translation>
    </message>
    <message>
        <source>Adopted {0}: {1} papers imported</source>
        <translation>관리 시작: {0} (논문 {1}편 가져옴)</translation>
    </message>
    <message>
        <source>Cannot publish</source>
        <translation>게시할 수 없음</translation>
    </message>
    <message>
        <source>{0} is already up to date</source>
        <translation>이미 최신입니다: {0}</translation>
    </message>
    <message>
        <source>Published into {0} (the previous version is kept as {1})</source>
        <translation>게시했습니다: {0} (이전 버전 보관: {1})</translation>
    </message>
    <message>
        <source>Published, but not remembered</source>
        <translation>게시했지만 기록하지 못함</translation>
    </message>
    <message>
        <source>Published into {0} ({1}): {2}</source>
        <translation>게시했습니다: {0} ({1}): {2}</translation>
    </message>
    <message>
        <source>{0}; not committed: {1}</source>
        <translation>{0}; 커밋하지 않음: {1}</translation>
    </message>
    <message>
        <source>{0}; committed {1} in {2}</source>
        <translation>{0}; 커밋함: {1}, 저장소: {2}</translation>
    </message>
    <message>
        <source>The interface language changes the next time labnews starts</source>
        <translation>화면 언어는 labnews를 다음에 시작할 때 바뀝니다</translation>
    </message>
    <message>
        <source>About labnews</source>
        <translation>labnews 정보</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;labnews {0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Keeps a research lab&apos;s accepted papers, members, venues and achievements, and writes the lab&apos;s news from them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;labnews {0}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;연구실의 채택 논문, 구성원, 게재처, 성과를 기록하고 이를 바탕으로 연구실 뉴스를 씁니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quick &amp;guide</source>
        <translation>빠른 안내(&amp;G)</translation>
    </message>
    <message>
        <source>What each view does and where to start</source>
        <translation>각 화면이 하는 일과 시작하는 방법</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Every command that has a shortcut</source>
        <translation>단축키가 있는 모든 명령</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>문서(&amp;D)</translation>
    </message>
    <message>
        <source>Open labnews&apos;s documentation in the web browser</source>
        <translation>웹 브라우저에서 labnews 문서를 엽니다</translation>
    </message>
    <message>
        <source>Could not open the documentation; it is at {0}</source>
        <translation>문서를 열 수 없습니다. 문서 위치: {0}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit member</source>
        <translation>구성원 편집</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>새 구성원</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <source>As the news prints it: Ham Jaeseok</source>
        <translation>뉴스에 찍히는 그대로: Ham Jaeseok</translation>
    </message>
    <message>
        <source>Printed exactly like this in news lines; either name order is fine</source>
        <translation>뉴스 줄에 이대로 찍힙니다. 성과 이름의 순서는 어느 쪽이든 괜찮습니다</translation>
    </message>
    <message>
        <source>Na&amp;tive name:</source>
        <translation>한글 이름(&amp;T):</translation>
    </message>
    <message>
        <source>The name in its own script, for the Korean news</source>
        <translation>한국어 뉴스에 쓰는 본래 표기의 이름</translation>
    </message>
    <message>
        <source>Jaeseok Ham
J. Ham</source>
        <translation>Jaeseok Ham
J. Ham</translation>
    </message>
    <message>
        <source>One per line: how papers and imported pages write this name</source>
        <translation>한 줄에 하나씩: 논문과 가져온 페이지에서 이 이름을 쓰는 방식</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>역할(&amp;R):</translation>
    </message>
    <message>
        <source>In the news:</source>
        <translation>뉴스:</translation>
    </message>
    <message>
        <source>Named in ne&amp;ws lines</source>
        <translation>뉴스 줄에 이름 표시(&amp;W)</translation>
    </message>
    <message>
        <source>Off for the PI, whose name is on every paper and never listed</source>
        <translation>모든 논문에 이름이 있어 따로 적지 않는 책임교수는 끄세요</translation>
    </message>
    <message>
        <source>&amp;Joined:</source>
        <translation>합류(&amp;J):</translation>
    </message>
    <message>
        <source>&amp;Left:</source>
        <translation>떠남(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Homepage:</source>
        <translation>홈페이지(&amp;H):</translation>
    </message>
    <message>
        <source>OR&amp;CID:</source>
        <translation>ORCID(&amp;C):</translation>
    </message>
    <message>
        <source>Not&amp;e:</source>
        <translation>메모(&amp;E):</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM, like 2024-03.</source>
        <translation>달은 2024-03처럼 YYYY-MM으로 쓰세요.</translation>
    </message>
    <message>
        <source>Leaving cannot come before joining.</source>
        <translation>떠난 달이 합류한 달보다 앞설 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <source>Member&apos;s page: {0}</source>
        <translation>구성원 페이지 — {0}</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Author position</source>
        <translation>저자 순서</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>The language of the lists copied or shown in the news</source>
        <translation>복사하거나 뉴스 보기에 보일 목록의 언어</translation>
    </message>
    <message>
        <source>&amp;Language of the lists:</source>
        <translation>목록 언어(&amp;L):</translation>
    </message>
    <message>
        <source>Copy &amp;publication list</source>
        <translation>논문 목록 복사(&amp;P)</translation>
    </message>
    <message>
        <source>The member&apos;s own publication list, as the News view&apos;s publications format</source>
        <translation>이 구성원 개인의 논문 목록 (뉴스 보기의 publications 형식과 같음)</translation>
    </message>
    <message>
        <source>Copy &amp;awards</source>
        <translation>수상 내역 복사(&amp;A)</translation>
    </message>
    <message>
        <source>The member&apos;s awards and challenges</source>
        <translation>이 구성원의 수상과 챌린지</translation>
    </message>
    <message>
        <source>Copy p&amp;ortfolio</source>
        <translation>포트폴리오 복사(&amp;O)</translation>
    </message>
    <message>
        <source>Headings for a portfolio: the papers in the order accepted, then challenges</source>
        <translation>포트폴리오 제목 목록: 채택된 순서대로 논문, 그다음 챌린지</translation>
    </message>
    <message>
        <source>Open in &amp;News view</source>
        <translation>뉴스 보기에서 열기(&amp;N)</translation>
    </message>
    <message>
        <source>Show this member&apos;s publication list in the News view</source>
        <translation>이 구성원의 논문 목록을 뉴스 보기에 보여 줍니다</translation>
    </message>
    <message>
        <source>Papers ({0})</source>
        <translation>논문 ({0})</translation>
    </message>
    <message>
        <source>Achievements ({0})</source>
        <translation>성과 ({0})</translation>
    </message>
    <message>
        <source>Publication list copied.</source>
        <translation>논문 목록을 복사했습니다.</translation>
    </message>
    <message>
        <source>Awards copied.</source>
        <translation>수상 내역을 복사했습니다.</translation>
    </message>
    <message>
        <source>Portfolio copied.</source>
        <translation>포트폴리오를 복사했습니다.</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>PI</source>
        <translation>책임교수</translation>
    </message>
    <message>
        <source>professor</source>
        <translation>교수</translation>
    </message>
    <message>
        <source>researcher</source>
        <translation>연구원</translation>
    </message>
    <message>
        <source>postdoc</source>
        <translation>박사후연구원</translation>
    </message>
    <message>
        <source>PhD student</source>
        <translation>박사과정</translation>
    </message>
    <message>
        <source>MS student</source>
        <translation>석사과정</translation>
    </message>
    <message>
        <source>undergraduate</source>
        <translation>학부생</translation>
    </message>
    <message>
        <source>intern</source>
        <translation>인턴</translation>
    </message>
    <message>
        <source>alumni</source>
        <translation>졸업생</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(아직 없음)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Native name</source>
        <translation>한글 이름</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>In news</source>
        <translation>뉴스 표시</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>합류</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>떠남</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>다른 표기</translation>
    </message>
    <message>
        <source>No native name: Korean news prints this member in Latin letters among the Hangul names. Double-click to add one.</source>
        <translation>한글 이름이 없습니다: 한국어 뉴스에서 이 구성원만 한글 이름들 사이에 로마자로 나옵니다. 두 번 눌러 추가하세요.</translation>
    </message>
    <message>
        <source>News lines name this member</source>
        <translation>뉴스 줄에 이 구성원의 이름이 나옵니다</translation>
    </message>
    <message>
        <source>News lines never name this member (the PI, for example)</source>
        <translation>뉴스 줄에 이 구성원의 이름은 나오지 않습니다 (예: 책임교수)</translation>
    </message>
</context>
<context>
    <name>MembersView</name>
    <message>
        <source>member</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>&amp;New member…</source>
        <translation>새 구성원(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a lab member</source>
        <translation>연구실 구성원을 추가합니다</translation>
    </message>
    <message>
        <source>Search names, native names and other spellings</source>
        <translation>이름, 한글 이름, 다른 표기 검색</translation>
    </message>
    <message>
        <source>No members yet. Add the lab&apos;s members (authors who match them are linked to them), import them, or try labnews on the demo lab.</source>
        <translation>아직 구성원이 없습니다. 연구실 구성원을 추가하거나(이름이 맞는 저자는 구성원과 연결됩니다), 가져오거나, 데모 연구실에서 labnews를 써 보세요.</translation>
    </message>
</context>
<context>
    <name>MonthEdit</name>
    <message>
        <source>There is no month {0}: give it as YYYY-MM, 01 to 12.</source>
        <translation>없는 월입니다: {0}. YYYY-MM 형식으로, 01부터 12까지 쓰세요.</translation>
    </message>
    <message>
        <source>The year must be between {0} and {1}.</source>
        <translation>연도는 {0}부터 {1} 사이여야 합니다.</translation>
    </message>
    <message>
        <source>Add the month: {0}-MM.</source>
        <translation>월을 덧붙이세요: {0}-MM.</translation>
    </message>
    <message>
        <source>Give the month as YYYY-MM, such as 2024-06.</source>
        <translation>월을 YYYY-MM 형식으로 쓰세요. 예: 2024-06.</translation>
    </message>
</context>
<context>
    <name>NewsView</name>
    <message>
        <source>The news format: the lab&apos;s yearly block, a theme&apos;s…</source>
        <translation>뉴스 형식: 연구실의 연도별 블록, 테마용 형식…</translation>
    </message>
    <message>
        <source>The language of the news</source>
        <translation>뉴스의 언어</translation>
    </message>
    <message>
        <source>The first news year to include</source>
        <translation>포함할 첫 뉴스 연도</translation>
    </message>
    <message>
        <source>The last news year to include</source>
        <translation>포함할 마지막 뉴스 연도</translation>
    </message>
    <message>
        <source>the lab</source>
        <translation>연구실 전체</translation>
    </message>
    <message>
        <source>One member&apos;s own list: their papers, in bold</source>
        <translation>멤버 한 명의 목록: 그 멤버의 논문, 굵게</translation>
    </message>
    <message>
        <source>&amp;Awards and talks</source>
        <translation>수상과 발표(&amp;A)</translation>
    </message>
    <message>
        <source>Include achievements (awards, talks, grants) among the month lines</source>
        <translation>월별 줄 사이에 성과(수상, 발표, 연구비)를 넣습니다</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the text to paste into the homepage</source>
        <translation>홈페이지에 붙여 넣을 텍스트를 복사합니다</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>다른 이름으로 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Write the news to a file (a folder for al-folio)</source>
        <translation>뉴스를 파일로 씁니다 (al-folio는 폴더)</translation>
    </message>
    <message>
        <source>Write the news between the labnews markers of the homepage file</source>
        <translation>홈페이지 파일의 labnews 표시 사이에 뉴스를 씁니다</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Years:</source>
        <translation>연도(&amp;Y):</translation>
    </message>
    <message>
        <source>Mem&amp;ber:</source>
        <translation>멤버(&amp;B):</translation>
    </message>
    <message>
        <source>The news as the homepage will show it</source>
        <translation>홈페이지에 보일 모습의 뉴스</translation>
    </message>
    <message>
        <source>The text to paste, exactly</source>
        <translation>붙여 넣을 텍스트 그대로</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>텍스트(&amp;T)</translation>
    </message>
    <message>
        <source>The year whose tally order to set</source>
        <translation>집계 순서를 정할 연도</translation>
    </message>
    <message>
        <source>Drag a label to where the tally should list it; the order is then pinned</source>
        <translation>라벨을 집계에 나올 자리로 끌어 놓으면 그 순서로 고정됩니다</translation>
    </message>
    <message>
        <source>List the selected label one place earlier</source>
        <translation>선택한 라벨을 한 칸 앞으로 옮깁니다</translation>
    </message>
    <message>
        <source>List the selected label one place later</source>
        <translation>선택한 라벨을 한 칸 뒤로 옮깁니다</translation>
    </message>
    <message>
        <source>Order this year&apos;s tally by the rule again</source>
        <translation>이 연도의 집계를 다시 규칙대로 정렬합니다</translation>
    </message>
    <message>
        <source>P&amp;ublish…</source>
        <translation>게시(&amp;U)…</translation>
    </message>
    <message>
        <source>For&amp;mat:</source>
        <translation>형식(&amp;M):</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>~(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>미리 보기(&amp;P)</translation>
    </message>
    <message>
        <source>◀ Earl&amp;ier</source>
        <translation>◀ 앞으로(&amp;I)</translation>
    </message>
    <message>
        <source>Late&amp;r ▶</source>
        <translation>뒤로(&amp;R) ▶</translation>
    </message>
    <message>
        <source>U&amp;npin</source>
        <translation>고정 해제(&amp;N)</translation>
    </message>
    <message>
        <source>Tally or&amp;der of</source>
        <translation>집계 순서(&amp;D)</translation>
    </message>
    <message>
        <source>Open a lab database to see its news.</source>
        <translation>연구실 데이터베이스를 열면 뉴스가 보입니다.</translation>
    </message>
    <message>
        <source>There is no news in these years.</source>
        <translation>이 기간에는 뉴스가 없습니다.</translation>
    </message>
    <message>
        <source>Korean news prints these members in Latin letters, as they have no native name: {0}. Add their names in Hangul in Members.</source>
        <translation>한글 이름이 없어 한국어 뉴스에 로마자로 나오는 구성원: {0}. 구성원 보기에서 한글 이름을 추가하세요.</translation>
    </message>
    <message>
        <source>A folder format cannot be published into one file</source>
        <translation>폴더 형식은 파일 하나에 게시할 수 없습니다</translation>
    </message>
    <message>
        <source>Copied the news ({0} lines)</source>
        <translation>뉴스를 복사했습니다 ({0}줄)</translation>
    </message>
    <message>
        <source>Write the news files into a folder</source>
        <translation>뉴스 파일을 쓸 폴더</translation>
    </message>
    <message>
        <source>Save the news as</source>
        <translation>뉴스를 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>News (*.{0});;All files (*)</source>
        <translation>뉴스 (*.{0});;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>저장하지 못했습니다: {0}</translation>
    </message>
    <message>
        <source>Saved the news to {0}</source>
        <translation>뉴스를 {0}에 저장했습니다</translation>
    </message>
    <message>
        <source>Pinned: the {0} tally lists its labels in this order.</source>
        <translation>고정됨: {0}년 집계는 라벨을 이 순서로 적습니다.</translation>
    </message>
    <message>
        <source>Ordered by the rule. Drag a label (or use Earlier and Later) to pin it.</source>
        <translation>규칙대로 정렬했습니다. 라벨을 끌어 놓거나 앞으로·뒤로 단추로 순서를 고정하세요.</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>The news year to look at</source>
        <translation>살펴볼 뉴스 연도</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>연도(&amp;Y):</translation>
    </message>
    <message>
        <source>As the yearly tally counts them: by news month, each paper once, withdrawn papers left out.</source>
        <translation>연도별 집계와 같은 방식입니다. 뉴스 월 기준으로 논문마다 한 번씩 세고, 철회된 논문은 뺍니다.</translation>
    </message>
    <message>
        <source>Papers per year</source>
        <translation>연도별 논문</translation>
    </message>
    <message>
        <source>Double-click a member, or press Return, to see their papers</source>
        <translation>구성원을 두 번 누르거나 Enter를 누르면 그 논문을 봅니다</translation>
    </message>
    <message>
        <source>Not on the homepage yet</source>
        <translation>아직 홈페이지에 없는 소식</translation>
    </message>
    <message>
        <source>Your lab</source>
        <translation>우리 연구실</translation>
    </message>
    <message>
        <source>No papers yet: record one with New acceptance (Ctrl+N), or import the lab&apos;s news page with File › Import (Ctrl+I).</source>
        <translation>아직 논문이 없습니다. 새 채택 논문(Ctrl+N)으로 기록하거나 파일 › 가져오기(Ctrl+I)로 연구실 뉴스 페이지를 가져오세요.</translation>
    </message>
    <message>
        <source>Members in {0}</source>
        <translation>{0}년 구성원</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>The homepage has not been published from labnews yet: every news line is new to it. Publish from the News view.</source>
        <translation>아직 labnews에서 홈페이지에 게시한 적이 없어 모든 뉴스 줄이 새 소식입니다. 뉴스 보기에서 게시하세요.</translation>
    </message>
    <message>
        <source>News lines with papers added since the homepage was last published.</source>
        <translation>홈페이지에 마지막으로 게시한 뒤 추가된 논문이 있는 뉴스 줄입니다.</translation>
    </message>
    <message>
        <source>Everything is on the homepage: no paper was added since it was published.</source>
        <translation>모두 홈페이지에 있습니다. 게시한 뒤 추가된 논문이 없습니다.</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>외 {0}줄</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>Edit paper</source>
        <translation>논문 편집</translation>
    </message>
    <message>
        <source>New acceptance</source>
        <translation>새 채택 논문</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>게재처(&amp;V):</translation>
    </message>
    <message>
        <source>CVPR, NeurIPS, ETRI J., …</source>
        <translation>CVPR, NeurIPS, ETRI J., …</translation>
    </message>
    <message>
        <source>Short name, full name or any other spelling of the venue</source>
        <translation>게재처의 약칭, 정식 이름, 또는 다른 표기</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>연도(&amp;Y):</translation>
    </message>
    <message>
        <source>The edition: NeurIPS 2024 is 2024</source>
        <translation>개최 연도: NeurIPS 2024는 2024</translation>
    </message>
    <message>
        <source>&amp;News month:</source>
        <translation>뉴스 월(&amp;N):</translation>
    </message>
    <message>
        <source>The month of the news line; filled in from the venue&apos;s usual month</source>
        <translation>뉴스 줄의 달. 게재처의 보통 개최 달로 채워집니다</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>Leave empty if not known yet</source>
        <translation>아직 모르면 비워 두세요</translation>
    </message>
    <message>
        <source>E&amp;qual</source>
        <translation>동등 기여(&amp;Q)</translation>
    </message>
    <message>
        <source>Mark the selected author as of equal contribution (or unmark them)</source>
        <translation>선택한 저자를 동등 기여로 표시(또는 해제)</translation>
    </message>
    <message>
        <source>&amp;Authors:</source>
        <translation>저자(&amp;A):</translation>
    </message>
    <message>
        <source>Members in bold; others are outside authors</source>
        <translation>굵은 글씨는 구성원, 나머지는 외부 저자입니다</translation>
    </message>
    <message>
        <source>&amp;Featured:</source>
        <translation>대표 구성원(&amp;F):</translation>
    </message>
    <message>
        <source>The member the paper&apos;s news line names. Left as it is, that is the first author who is a lab member shown in the news (not the PI), and it follows the author list; choose a member to fix it.</source>
        <translation>이 논문의 뉴스 줄에 이름이 나오는 구성원입니다. 그대로 두면 뉴스에 나오는 연구실 구성원 중 첫 저자(책임교수 제외)이며 저자 목록을 따라 바뀝니다. 고정하려면 구성원을 고르세요.</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>상태(&amp;U):</translation>
    </message>
    <message>
        <source>Withdrawn papers are never counted</source>
        <translation>철회된 논문은 세지 않습니다</translation>
    </message>
    <message>
        <source>P&amp;resentation:</source>
        <translation>발표 형태(&amp;R):</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Paper &amp;URL:</source>
        <translation>논문 URL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;DOI:</source>
        <translation>DOI(&amp;D):</translation>
    </message>
    <message>
        <source>ar&amp;Xiv:</source>
        <translation>arXiv(&amp;X):</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>코드(&amp;C):</translation>
    </message>
    <message>
        <source>P&amp;roject page:</source>
        <translation>프로젝트 페이지(&amp;R):</translation>
    </message>
    <message>
        <source>All lin&amp;ks:</source>
        <translation>모든 링크(&amp;K):</translation>
    </message>
    <message>
        <source>Every link in the order the publication list shows it, each with its label: paper, code, project page, demo, slides, poster...</source>
        <translation>논문 목록에 보이는 순서대로 모든 링크와 그 이름: paper, code, project page, demo, slides, poster...</translation>
    </message>
    <message>
        <source>Also presented &amp;at:</source>
        <translation>함께 발표한 곳(&amp;A):</translation>
    </message>
    <message>
        <source>Other venues where the same paper was shown, one a line; never counted</source>
        <translation>같은 논문을 발표한 다른 학회, 한 줄에 하나씩. 집계에는 넣지 않습니다</translation>
    </message>
    <message>
        <source>Accepted o&amp;n:</source>
        <translation>채택일(&amp;N):</translation>
    </message>
    <message>
        <source>The day of acceptance, if known</source>
        <translation>알고 있다면 채택된 날</translation>
    </message>
    <message>
        <source>&amp;BibTeX key:</source>
        <translation>BibTeX 키(&amp;B):</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>논문(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Links and note</source>
        <translation>링크와 메모(&amp;L)</translation>
    </message>
    <message>
        <source>New venue…</source>
        <translation>새 게재처…</translation>
    </message>
    <message>
        <source>Add a venue that is not in the list yet</source>
        <translation>목록에 아직 없는 게재처를 추가합니다</translation>
    </message>
    <message>
        <source>usually in {0}</source>
        <translation>보통 {0}</translation>
    </message>
    <message>
        <source>{0} is not in this lab yet; the venue catalog has it.</source>
        <translation>아직 이 연구실에 없는 게재처입니다. 게재처 목록에는 있습니다: {0}.</translation>
    </message>
    <message>
        <source>Add it with the New venue button.</source>
        <translation>새 게재처 단추로 추가하세요.</translation>
    </message>
    <message>
        <source>Discard what you typed in this paper?</source>
        <translation>이 논문에 입력한 내용을 버릴까요?</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>버리기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>계속 편집(&amp;K)</translation>
    </message>
    <message>
        <source>no usual month: set the news month</source>
        <translation>정해진 달 없음: 뉴스 월을 지정하세요</translation>
    </message>
    <message>
        <source>{0} (the first author who is a member shown in the news)</source>
        <translation>{0} (뉴스에 나오는 구성원 중 첫 저자)</translation>
    </message>
    <message>
        <source>Nobody yet (no author is a member shown in the news)</source>
        <translation>아직 없음 (뉴스에 나오는 구성원이 저자에 없음)</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>oral</source>
        <translation>구두 발표</translation>
    </message>
    <message>
        <source>spotlight</source>
        <translation>스포트라이트</translation>
    </message>
    <message>
        <source>poster</source>
        <translation>포스터</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>No venue is called “{0}”.</source>
        <translation>이런 이름의 게재처가 없습니다: “{0}”.</translation>
    </message>
    <message>
        <source>Did you mean {0}?</source>
        <translation>혹시 이것인가요? {0}</translation>
    </message>
    <message>
        <source>Or add it with the New venue button.</source>
        <translation>또는 새 게재처 단추로 추가하세요.</translation>
    </message>
    <message>
        <source>Link {0} needs a label and an http:// or https:// link.</source>
        <translation>링크 {0}에는 이름과 http:// 또는 https:// 주소가 필요합니다.</translation>
    </message>
    <message>
        <source>Give the day as YYYY-MM-DD, or leave it empty.</source>
        <translation>날짜를 YYYY-MM-DD로 쓰거나 비워 두세요.</translation>
    </message>
    <message>
        <source>Already recorded as paper #{0}, “{1}” ({2}).</source>
        <translation>이미 기록된 논문입니다: #{0} “{1}” ({2}).</translation>
    </message>
    <message>
        <source>No lab member</source>
        <translation>연구실 구성원 없음</translation>
    </message>
    <message>
        <source>None of the authors is a lab member; the paper will count in the tally but no news line will name anyone. Save it anyway?</source>
        <translation>저자 중 연구실 구성원이 없습니다. 이 논문은 집계에는 들어가지만 어느 뉴스 줄에도 이름이 나오지 않습니다. 그래도 저장할까요?</translation>
    </message>
</context>
<context>
    <name>PapersModel</name>
    <message>
        <source>News month</source>
        <translation>뉴스 월</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>저자</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>대표 구성원</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>채택</translation>
    </message>
    <message>
        <source>published</source>
        <translation>출판</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>철회</translation>
    </message>
    <message>
        <source>as “{0}”</source>
        <translation>(표기: “{0}”)</translation>
    </message>
    <message>
        <source>title unknown</source>
        <translation>제목 모름</translation>
    </message>
    <message>
        <source>The title is not known yet: this paper came from a news line.</source>
        <translation>아직 제목을 모릅니다. 이 논문은 뉴스 줄에서 가져왔습니다.</translation>
    </message>
    <message>
        <source>The member this paper&apos;s news line names</source>
        <translation>이 논문의 뉴스 줄에 이름이 나오는 구성원</translation>
    </message>
</context>
<context>
    <name>PapersView</name>
    <message>
        <source>paper</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>&amp;New acceptance…</source>
        <translation>새 채택 논문(&amp;N)…</translation>
    </message>
    <message>
        <source>Record a newly accepted paper (Ctrl+N)</source>
        <translation>새로 채택된 논문을 기록합니다 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Search titles, authors and venues</source>
        <translation>제목, 저자, 게재처 검색</translation>
    </message>
    <message>
        <source>Show one news year&apos;s papers</source>
        <translation>한 뉴스 연도의 논문만 봅니다</translation>
    </message>
    <message>
        <source>Show one venue&apos;s papers</source>
        <translation>한 게재처의 논문만 봅니다</translation>
    </message>
    <message>
        <source>Show the papers a member wrote</source>
        <translation>한 구성원이 쓴 논문만 봅니다</translation>
    </message>
    <message>
        <source>Show the papers of every tally label again</source>
        <translation>모든 집계 라벨의 논문을 다시 봅니다</translation>
    </message>
    <message>
        <source>Only the newest papers could be read: {0}</source>
        <translation>최신 논문만 읽을 수 있었습니다: {0}</translation>
    </message>
    <message>
        <source>{0} of {1} {2}, reading the rest…</source>
        <translation>{2} {1}개 중 {0}개 표시, 나머지를 읽는 중…</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>모든 연도</translation>
    </message>
    <message>
        <source>All venues</source>
        <translation>모든 게재처</translation>
    </message>
    <message>
        <source>All members</source>
        <translation>모든 구성원</translation>
    </message>
    <message>
        <source>Counted as {0}  ✕</source>
        <translation>집계 라벨: {0}  ✕</translation>
    </message>
    <message>
        <source>No papers yet. Record an accepted paper, import the lab&apos;s news page or a BibTeX file, or try labnews on the demo lab.</source>
        <translation>아직 논문이 없습니다. 채택된 논문을 기록하거나, 연구실 뉴스 페이지나 BibTeX 파일을 가져오거나, 데모 연구실에서 labnews를 써 보세요.</translation>
    </message>
</context>
<context>
    <name>PeopleEditor</name>
    <message>
        <source>Type a name and press Enter</source>
        <translation>이름을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>Type a member&apos;s name and press Enter</source>
        <translation>구성원 이름을 입력하고 Enter를 누르세요</translation>
    </message>
    <message>
        <source>Members are found by any spelling, in either name order</source>
        <translation>구성원은 어떤 표기로든, 성과 이름의 순서와 상관없이 찾습니다</translation>
    </message>
    <message>
        <source>other names are added as outside authors</source>
        <translation>그 밖의 이름은 외부 저자로 추가됩니다</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Add the typed name (Enter)</source>
        <translation>입력한 이름을 추가합니다 (Enter)</translation>
    </message>
    <message>
        <source>Bold names are lab members; drag to reorder</source>
        <translation>굵은 이름은 연구실 구성원입니다. 끌어서 순서를 바꿉니다</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>위로</translation>
    </message>
    <message>
        <source>Move the selected person up (Alt+Up)</source>
        <translation>선택한 사람을 위로 옮깁니다 (Alt+Up)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <source>Move the selected person down (Alt+Down)</source>
        <translation>선택한 사람을 아래로 옮깁니다 (Alt+Down)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>빼기</translation>
    </message>
    <message>
        <source>Remove the selected person (Delete)</source>
        <translation>선택한 사람을 뺍니다 (Delete)</translation>
    </message>
    <message>
        <source>“{0}” could be {1}: type more of the name</source>
        <translation>“{0}”: {1} 중 누구인지 알 수 없습니다. 이름을 더 입력하세요</translation>
    </message>
    <message>
        <source> Did you mean {0}?</source>
        <translation> 혹시 이것인가요? {0}</translation>
    </message>
    <message>
        <source>No member is called “{0}”.</source>
        <translation>이런 이름의 구성원이 없습니다: “{0}”.</translation>
    </message>
    <message>
        <source>{0} is already listed.</source>
        <translation>이미 목록에 있습니다: {0}.</translation>
    </message>
    <message>
        <source>(as “{0}”)</source>
        <translation>(표기: “{0}”)</translation>
    </message>
    <message>
        <source>* equal contribution</source>
        <translation>* 동등 기여</translation>
    </message>
    <message>
        <source>Lab member</source>
        <translation>연구실 구성원</translation>
    </message>
    <message>
        <source>Outside author (not a lab member)</source>
        <translation>외부 저자 (연구실 구성원 아님)</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish into the homepage</source>
        <translation>홈페이지에 게시</translation>
    </message>
    <message>
        <source>Publish into the homepage site &lt;b&gt;{0}&lt;/b&gt;?</source>
        <translation>홈페이지 사이트에 게시할까요? &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{0} files of labnews&apos;s change ({1} lines added, {2} removed): {3}. Everything else in the site stays as it is; each file is written whole or not at all.</source>
        <translation>labnews가 바꾸는 파일 {0}개 ({1}줄 추가, {2}줄 삭제): {3}. 사이트의 나머지는 그대로 두며, 각 파일은 통째로 쓰거나 전혀 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>Publish the news into &lt;b&gt;{0}&lt;/b&gt;?</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;에 뉴스를 게시할까요?</translation>
    </message>
    <message>
        <source>Only the block between the labnews markers changes ({0} lines added, {1} removed). The file as it is now is kept as {2}.</source>
        <translation>labnews 표시 사이의 블록만 바뀝니다 ({0}줄 추가, {1}줄 삭제). 지금의 파일은 다음 이름으로 보관합니다: {2}.</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>게시(&amp;P)</translation>
    </message>
    <message>
        <source>Write the changed files into the site</source>
        <translation>바뀐 파일을 사이트에 쓰기</translation>
    </message>
    <message>
        <source>Write the file (the previous one becomes .bak)</source>
        <translation>파일을 씁니다 (이전 파일은 .bak이 됩니다)</translation>
    </message>
    <message>
        <source>Commit in &amp;git</source>
        <translation>git에 커밋(&amp;G)</translation>
    </message>
    <message>
        <source>One commit of the files labnews writes, as `labnews publish --commit` makes (refused when one of them holds changes of yours not yet committed)</source>
        <translation>labnews가 쓰는 파일을 한 번에 커밋합니다. `labnews publish --commit`과 같습니다 (그 파일 중 아직 커밋하지 않은 내 변경이 있으면 거절합니다)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Other spellings:</source>
        <translation>다른 표기(&amp;O):</translation>
    </message>
    <message>
        <source>This must be an http:// or https:// link.</source>
        <translation>http:// 또는 https:// 링크여야 합니다.</translation>
    </message>
</context>
<context>
    <name>RecordsView</name>
    <message>
        <source>Filters as you type (Ctrl+F)</source>
        <translation>입력하는 대로 걸러 냅니다 (Ctrl+F)</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{1} {0}</translation>
    </message>
    <message>
        <source>{0} of {1} {2}</source>
        <translation>{2} {0}/{1}</translation>
    </message>
    <message>
        <source>Deleted “{0}”.</source>
        <translation>삭제함: “{0}”</translation>
    </message>
    <message>
        <source>Deleted {0} {1}.</source>
        <translation>삭제함: {1} {0}개</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>편집(&amp;E)…</translation>
    </message>
    <message>
        <source>Dupli&amp;cate…</source>
        <translation>복제(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete {0} {1}</source>
        <translation>{1} {0}개 삭제(&amp;D)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>What the import would do</source>
        <translation>가져오기로 바뀔 내용</translation>
    </message>
    <message>
        <source>Untick what should not come in; double-click a venue or a member&apos;s match to change it. The database changes only when you press Import.</source>
        <translation>들여오지 않을 항목은 선택을 해제하고, 게재처나 구성원 연결은 두 번 눌러 바꾸세요. 데이터베이스는 가져오기를 눌러야 바뀝니다.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>가져오기(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ReviewTables</name>
    <message>
        <source>Double-click (or F2) to choose another venue</source>
        <translation>두 번 눌러(또는 F2) 다른 게재처를 고릅니다</translation>
    </message>
    <message>
        <source>Untick to leave this paper out</source>
        <translation>이 논문을 빼려면 선택을 해제하세요</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>줄</translation>
    </message>
    <message>
        <source>News month</source>
        <translation>뉴스 월</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>(title unknown)</source>
        <translation>(제목 모름)</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>저자</translation>
    </message>
    <message>
        <source>a new member “{0}”</source>
        <translation>새 구성원 “{0}”</translation>
    </message>
    <message>
        <source>not a member (a plain name)</source>
        <translation>구성원 아님 (이름만)</translation>
    </message>
    <message>
        <source>maybe a person: tick to make a member</source>
        <translation>사람 이름일 수 있음: 구성원으로 만들려면 체크하세요</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Untick to keep this name as a plain author name</source>
        <translation>구성원이 아닌 일반 저자 이름으로 두려면 선택을 해제하세요</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Written as</source>
        <translation>표기</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>Double-click (or F2) to match this name to another member</source>
        <translation>두 번 눌러(또는 F2) 이 이름을 다른 구성원과 연결합니다</translation>
    </message>
    <message>
        <source>a new venue “{0}”</source>
        <translation>새 게재처 “{0}”</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>약칭</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>상위 학술대회</translation>
    </message>
    <message>
        <source>Double-click (or F2) to put these papers under a venue you already have</source>
        <translation>두 번 눌러(또는 F2) 이 논문들을 이미 있는 게재처로 옮깁니다</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>연결 대상</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Count {0} as {1} in the tallies</source>
        <translation>집계 라벨 {1}: {0}</translation>
    </message>
    <message>
        <source>Pin the {0} tally order: {1}</source>
        <translation>{0}년 집계 순서 고정: {1}</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <source>error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>arithmetic</source>
        <translation>계산 불일치</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>matched</source>
        <translation>일치</translation>
    </message>
    <message>
        <source>What</source>
        <translation>내용</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>The lab (shared by everyone who opens this database)</source>
        <translation>연구실 (이 데이터베이스를 여는 모두가 함께 씀)</translation>
    </message>
    <message>
        <source>Lab &amp;name:</source>
        <translation>연구실 이름(&amp;N):</translation>
    </message>
    <message>
        <source>Visual Intelligence Lab</source>
        <translation>시각지능 연구실</translation>
    </message>
    <message>
        <source>Shown on the overview, and given to the news templates</source>
        <translation>개요에 보이고 뉴스 템플릿에도 전달됩니다</translation>
    </message>
    <message>
        <source>Default &amp;format:</source>
        <translation>기본 형식(&amp;F):</translation>
    </message>
    <message>
        <source>The news format the News view and `labnews news` start with</source>
        <translation>뉴스 보기와 `labnews news`가 처음 쓰는 뉴스 형식</translation>
    </message>
    <message>
        <source>Default news lan&amp;guage:</source>
        <translation>기본 뉴스 언어(&amp;G):</translation>
    </message>
    <message>
        <source>The language the news is written in unless another is chosen</source>
        <translation>따로 고르지 않으면 뉴스를 쓰는 언어</translation>
    </message>
    <message>
        <source>Tally rules</source>
        <translation>집계 규칙</translation>
    </message>
    <message>
        <source>&amp;Workshop papers:</source>
        <translation>워크숍 논문(&amp;W):</translation>
    </message>
    <message>
        <source>count under their conference (CVPR Workshop as CVPR)</source>
        <translation>상위 학술대회로 집계 (CVPR Workshop은 CVPR로)</translation>
    </message>
    <message>
        <source>count on their own</source>
        <translation>따로 집계</translation>
    </message>
    <message>
        <source>leave out of the tally and the news</source>
        <translation>집계와 뉴스에서 빼기</translation>
    </message>
    <message>
        <source>Tally &amp;order:</source>
        <translation>집계 순서(&amp;O):</translation>
    </message>
    <message>
        <source>first appearance in the year (the lab&apos;s own)</source>
        <translation>그해 처음 나온 순서 (연구실 방식)</translation>
    </message>
    <message>
        <source>most papers first</source>
        <translation>논문이 많은 순서</translation>
    </message>
    <message>
        <source>alphabetical</source>
        <translation>알파벳 순서</translation>
    </message>
    <message>
        <source>A year whose order is pinned keeps it (see the News view)</source>
        <translation>순서를 고정한 연도는 그 순서를 지킵니다 (뉴스 보기 참고)</translation>
    </message>
    <message>
        <source>News &amp;lines:</source>
        <translation>뉴스 줄(&amp;L):</translation>
    </message>
    <message>
        <source>one line per month</source>
        <translation>달마다 한 줄</translation>
    </message>
    <message>
        <source>one line per venue and month</source>
        <translation>게재처와 달마다 한 줄</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the homepage file</source>
        <translation>홈페이지 파일을 고릅니다</translation>
    </message>
    <message>
        <source>&amp;Homepage file:</source>
        <translation>홈페이지 파일(&amp;H):</translation>
    </message>
    <message>
        <source>the page&apos;s owner (the PI)</source>
        <translation>페이지 주인(PI)</translation>
    </message>
    <message>
        <source>every lab member</source>
        <translation>모든 연구실 멤버</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>아무도 안 함</translation>
    </message>
    <message>
        <source>Bol&amp;d on the publication list:</source>
        <translation>논문 목록에서 굵게(&amp;D):</translation>
    </message>
    <message>
        <source>A member&apos;s own list (News view, one member) bolds that member</source>
        <translation>멤버 한 명의 목록(소식 보기, 멤버 한 명)에서는 그 멤버를 굵게 씁니다</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>이 컴퓨터</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>화면 언어(&amp;I):</translation>
    </message>
    <message>
        <source>as the system</source>
        <translation>시스템 설정대로</translation>
    </message>
    <message>
        <source>Takes effect the next time labnews starts.</source>
        <translation>labnews를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;The lab</source>
        <translation>연구실(&amp;T)</translation>
    </message>
    <message>
        <source>Ho&amp;mepage</source>
        <translation>홈페이지(&amp;M)</translation>
    </message>
    <message>
        <source>The homepage checkout (a Jekyll or Hugo site)</source>
        <translation>홈페이지 체크아웃 (Jekyll 또는 Hugo 사이트)</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>찾아보기(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose the homepage checkout&apos;s folder</source>
        <translation>홈페이지 체크아웃 폴더 고르기</translation>
    </message>
    <message>
        <source>&amp;Site folder:</source>
        <translation>사이트 폴더(&amp;S):</translation>
    </message>
    <message>
        <source>Publish writes the news and the chosen sections into this site, in the files its theme expects (as `labnews site` and `labnews publish` do).</source>
        <translation>게시하면 소식과 고른 섹션을 이 사이트의 테마가 기대하는 파일에 씁니다 (`labnews site`, `labnews publish`와 같습니다).</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>테마:</translation>
    </message>
    <message>
        <source>labnews writes there:</source>
        <translation>labnews가 쓰는 곳:</translation>
    </message>
    <message>
        <source>Sections besides the news:</source>
        <translation>소식 외의 섹션:</translation>
    </message>
    <message>
        <source>Without a checkout</source>
        <translation>체크아웃 없이</translation>
    </message>
    <message>
        <source>With no site folder, Publish replaces the news between this file&apos;s two labnews marker lines, and keeps the previous version as a .bak file.</source>
        <translation>사이트 폴더가 없으면 이 파일의 labnews 표시 줄 두 개 사이의 소식을 바꾸고, 이전 내용은 .bak 파일로 남깁니다.</translation>
    </message>
    <message>
        <source>The publication list</source>
        <translation>논문 목록</translation>
    </message>
    <message>
        <source>(no site folder: Publish writes the homepage file)</source>
        <translation>(사이트 폴더 없음: 홈페이지 파일에 게시합니다)</translation>
    </message>
    <message>
        <source>{0} (built by {1})</source>
        <translation>{0} (빌드: {1})</translation>
    </message>
    <message>
        <source>Not ready to publish: {0}</source>
        <translation>아직 게시할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>The homepage checkout</source>
        <translation>홈페이지 체크아웃</translation>
    </message>
    <message>
        <source>The homepage file</source>
        <translation>홈페이지 파일</translation>
    </message>
    <message>
        <source>Homepage pages (*.md *.markdown *.html *.htm);;All files (*)</source>
        <translation>홈페이지 문서 (*.md *.markdown *.html *.htm);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>There is no folder at this path.</source>
        <translation>이 경로에 폴더가 없습니다.</translation>
    </message>
    <message>
        <source>This folder is not a Jekyll or Hugo site (no _config.yml, hugo.toml or config.toml).</source>
        <translation>이 폴더는 Jekyll이나 Hugo 사이트가 아닙니다 (_config.yml, hugo.toml, config.toml이 없음).</translation>
    </message>
    <message>
        <source>There is no file at this path.</source>
        <translation>이 경로에 파일이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>단축키</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>What to import</source>
        <translation>가져올 것</translation>
    </message>
    <message>
        <source>A news page (Markdown, HTML or text, or a folder of al-folio _news files), a BibTeX file, or a CSV or JSON table. Nothing changes until you confirm.</source>
        <translation>뉴스 페이지(Markdown, HTML, 텍스트 또는 al-folio _news 폴더), BibTeX 파일, CSV나 JSON 표. 확인하기 전에는 아무것도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <source>A file or folder; or drop one on the window</source>
        <translation>파일이나 폴더 (창에 끌어다 놓아도 됩니다)</translation>
    </message>
    <message>
        <source>Choose a fi&amp;le…</source>
        <translation>파일 고르기(&amp;L)…</translation>
    </message>
    <message>
        <source>A news page, a .bib file, a .csv or .json table</source>
        <translation>뉴스 페이지, .bib 파일, .csv나 .json 표</translation>
    </message>
    <message>
        <source>Choose a f&amp;older…</source>
        <translation>폴더 고르기(&amp;O)…</translation>
    </message>
    <message>
        <source>An al-folio _news folder</source>
        <translation>al-folio _news 폴더</translation>
    </message>
    <message>
        <source>a news page</source>
        <translation>뉴스 페이지</translation>
    </message>
    <message>
        <source>BibTeX</source>
        <translation>BibTeX</translation>
    </message>
    <message>
        <source>a CSV or JSON table</source>
        <translation>CSV 또는 JSON 표</translation>
    </message>
    <message>
        <source>Found from the file&apos;s name; change it if it is wrong</source>
        <translation>파일 이름으로 알아냈습니다. 틀리면 바꾸세요</translation>
    </message>
    <message>
        <source>&amp;File or folder:</source>
        <translation>파일 또는 폴더(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Read it as:</source>
        <translation>읽는 방식(&amp;R):</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>파일 가져오기</translation>
    </message>
    <message>
        <source>Lab records (*.md *.markdown *.html *.htm *.txt *.bib *.csv *.json);;All files (*)</source>
        <translation>연구실 기록 (*.md *.markdown *.html *.htm *.txt *.bib *.csv *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Import a folder of news files</source>
        <translation>뉴스 파일 폴더 가져오기</translation>
    </message>
</context>
<context>
    <name>StoreCommand</name>
    <message>
        <source>Add paper</source>
        <translation>논문 추가</translation>
    </message>
    <message>
        <source>Edit paper</source>
        <translation>논문 편집</translation>
    </message>
    <message>
        <source>Delete paper</source>
        <translation>논문 삭제</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>구성원 추가</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>구성원 편집</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>구성원 삭제</translation>
    </message>
    <message>
        <source>Add venue</source>
        <translation>게재처 추가</translation>
    </message>
    <message>
        <source>Edit venue</source>
        <translation>게재처 편집</translation>
    </message>
    <message>
        <source>Delete venue</source>
        <translation>게재처 삭제</translation>
    </message>
    <message>
        <source>Add achievement</source>
        <translation>성과 추가</translation>
    </message>
    <message>
        <source>Edit achievement</source>
        <translation>성과 편집</translation>
    </message>
    <message>
        <source>Delete achievement</source>
        <translation>성과 삭제</translation>
    </message>
    <message>
        <source>Delete {0} papers</source>
        <translation>논문 {0}편 삭제</translation>
    </message>
    <message>
        <source>Delete {0} members</source>
        <translation>구성원 {0}명 삭제</translation>
    </message>
    <message>
        <source>Delete {0} venues</source>
        <translation>게재처 {0}곳 삭제</translation>
    </message>
    <message>
        <source>Delete {0} achievements</source>
        <translation>성과 {0}건 삭제</translation>
    </message>
    <message>
        <source>Restored {0} papers</source>
        <translation>논문 {0}편 복원</translation>
    </message>
    <message>
        <source>Restored {0} members</source>
        <translation>구성원 {0}명 복원</translation>
    </message>
    <message>
        <source>Restored {0} venues</source>
        <translation>게재처 {0}곳 복원</translation>
    </message>
    <message>
        <source>Restored {0} achievements</source>
        <translation>성과 {0}건 복원</translation>
    </message>
    <message>
        <source>Pin the {0} tally order</source>
        <translation>{0}년 집계 순서 고정</translation>
    </message>
    <message>
        <source>Unpin the {0} tally order</source>
        <translation>{0}년 집계 순서 고정 해제</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>설정 변경</translation>
    </message>
</context>
<context>
    <name>StoreMessages</name>
    <message>
        <source>Added member {name}</source>
        <translation>구성원을 추가했습니다: {name}</translation>
    </message>
    <message>
        <source>Updated member {name}</source>
        <translation>구성원을 수정했습니다: {name}</translation>
    </message>
    <message>
        <source>Removed member {name}</source>
        <translation>구성원을 삭제했습니다: {name}</translation>
    </message>
    <message>
        <source>Added venue {name}</source>
        <translation>게재처를 추가했습니다: {name}</translation>
    </message>
    <message>
        <source>Updated venue {name}</source>
        <translation>게재처를 수정했습니다: {name}</translation>
    </message>
    <message>
        <source>Removed venue {name}</source>
        <translation>게재처를 삭제했습니다: {name}</translation>
    </message>
    <message>
        <source>Added a paper to {venue}: {year} now has 1 paper</source>
        <translation>논문을 추가했습니다 ({venue}): {year}년 논문은 이제 1편</translation>
    </message>
    <message>
        <source>Added a paper to {venue}: {year} now has {n} papers</source>
        <translation>논문을 추가했습니다 ({venue}): {year}년 논문은 이제 {n}편</translation>
    </message>
    <message>
        <source>Updated a paper at {venue}: {year} now has 1 paper</source>
        <translation>논문을 수정했습니다 ({venue}): {year}년 논문은 이제 1편</translation>
    </message>
    <message>
        <source>Updated a paper at {venue}: {year} now has {n} papers</source>
        <translation>논문을 수정했습니다 ({venue}): {year}년 논문은 이제 {n}편</translation>
    </message>
    <message>
        <source>Added no papers</source>
        <translation>추가한 논문이 없습니다</translation>
    </message>
    <message>
        <source>Added 1 paper</source>
        <translation>논문 1편을 추가했습니다</translation>
    </message>
    <message>
        <source>Added {n} papers</source>
        <translation>논문 {n}편을 추가했습니다</translation>
    </message>
    <message>
        <source>Removed a paper</source>
        <translation>논문 1편을 삭제했습니다</translation>
    </message>
    <message>
        <source>Removed 1 paper</source>
        <translation>논문 1편을 삭제했습니다</translation>
    </message>
    <message>
        <source>Removed {n} papers</source>
        <translation>논문 {n}편을 삭제했습니다</translation>
    </message>
    <message>
        <source>Added {kind} {title}</source>
        <translation>성과를 추가했습니다 ({kind}): {title}</translation>
    </message>
    <message>
        <source>Updated {kind} {title}</source>
        <translation>성과를 수정했습니다 ({kind}): {title}</translation>
    </message>
    <message>
        <source>Removed 1 achievement</source>
        <translation>성과 1건을 삭제했습니다</translation>
    </message>
    <message>
        <source>Removed {n} achievements</source>
        <translation>성과 {n}건을 삭제했습니다</translation>
    </message>
    <message>
        <source>Saved the tally rules</source>
        <translation>집계 규칙을 저장했습니다</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>저장했습니다: {name}</translation>
    </message>
    <message>
        <source>Pinned the {year} tally order</source>
        <translation>{year}년 집계 순서를 고정했습니다</translation>
    </message>
    <message>
        <source>Unpinned the {year} tally order</source>
        <translation>{year}년 집계 순서 고정을 풀었습니다</translation>
    </message>
    <message>
        <source>Loaded the demo lab: {n} papers, {m} members</source>
        <translation>예제 연구실을 불러왔습니다: 논문 {n}편, 구성원 {m}명</translation>
    </message>
    <message>
        <source>Imported 1 paper from {name}</source>
        <translation>논문 1편을 가져왔습니다: {name}</translation>
    </message>
    <message>
        <source>Imported {n} papers from {name}</source>
        <translation>논문 {n}편을 가져왔습니다: {name}</translation>
    </message>
    <message>
        <source>{n} papers have no title yet (known only from a news line)</source>
        <translation>논문 {n}편에 아직 제목이 없습니다 (뉴스 줄로만 알려짐)</translation>
    </message>
    <message>
        <source>paper #{id} has no venue (edit it to choose one)</source>
        <translation>논문 #{id}에 게재처가 없습니다 (편집해서 고르세요)</translation>
    </message>
    <message>
        <source>{name} is listed twice on paper #{id}</source>
        <translation>논문 #{id}에 같은 구성원이 두 번 있습니다: {name}</translation>
    </message>
    <message>
        <source>{name} is listed twice on paper #{id}; removed the later entry</source>
        <translation>논문 #{id}에 같은 구성원이 두 번 있습니다: {name}. 뒤의 것을 지웠습니다</translation>
    </message>
    <message>
        <source>paper #{id} features a member who is not among its authors</source>
        <translation>논문 #{id}의 대표 구성원이 저자에 없습니다</translation>
    </message>
    <message>
        <source>paper #{id} features a member who is not among its authors; now features its first member author in news</source>
        <translation>논문 #{id}의 대표 구성원이 저자에 없습니다. 뉴스에 나오는 구성원 중 첫 저자로 바꿨습니다</translation>
    </message>
    <message>
        <source>{n} papers share the DOI {name}</source>
        <translation>논문 {n}편의 DOI가 같습니다: {name}</translation>
    </message>
    <message>
        <source>workshop {name} has no parent conference (edit it to choose one)</source>
        <translation>상위 학회가 없는 워크숍: {name} (편집해서 고르세요)</translation>
    </message>
    <message>
        <source>workshop {name} has no parent conference ({other} looks like it)</source>
        <translation>상위 학회가 없는 워크숍: {name} (후보: {other})</translation>
    </message>
    <message>
        <source>workshop {name} has no parent conference; now under {other}</source>
        <translation>상위 학회가 없는 워크숍: {name}. 상위 학회를 {other} 학회로 정했습니다</translation>
    </message>
    <message>
        <source>venues are each other&apos;s parents: {name}</source>
        <translation>서로의 상위 학회인 게재처: {name}</translation>
    </message>
    <message>
        <source>the lab has no venues at all</source>
        <translation>게재처가 하나도 없습니다</translation>
    </message>
    <message>
        <source>the lab has no venues at all; added the built-in ones</source>
        <translation>게재처가 하나도 없어 기본 목록을 넣었습니다</translation>
    </message>
    <message>
        <source>indexes disagree with their tables (the records themselves are whole)</source>
        <translation>색인이 표와 맞지 않습니다 (기록 자체는 온전합니다)</translation>
    </message>
    <message>
        <source>indexes disagree with their tables; rebuilt them from the records</source>
        <translation>색인이 표와 맞지 않아 기록에서 다시 만들었습니다</translation>
    </message>
    <message>
        <source>paper #{id} ({venue}, news {year}-{month}) has no lab member among its authors: it counts in the tally but no news line names anyone</source>
        <translation>논문 #{id} ({venue}, 뉴스 {year}-{month})의 저자에 연구실 구성원이 없습니다: 집계에는 들어가지만 뉴스 줄에 이름이 나오지 않습니다</translation>
    </message>
    <message>
        <source>and {n} more papers have no lab member among their authors</source>
        <translation>그 밖에 논문 {n}편의 저자에 연구실 구성원이 없습니다</translation>
    </message>
    <message>
        <source>paper #{id} (untitled) is probably one of papers {name} ({other}): merge it by hand</source>
        <translation>제목 없는 논문 #{id}: 논문 {name} 중 하나일 가능성이 큽니다 ({other}). 직접 합치세요</translation>
    </message>
    <message>
        <source>merged paper #{id} into paper #{other} ({name})</source>
        <translation>논문을 합쳤습니다: #{id} → #{other} ({name})</translation>
    </message>
    <message>
        <source>there is no paper #{id}</source>
        <translation>논문 #{id}: 없는 논문입니다</translation>
    </message>
    <message>
        <source>there is no member #{id}</source>
        <translation>구성원 #{id}: 없는 구성원입니다</translation>
    </message>
    <message>
        <source>there is no venue #{id}</source>
        <translation>게재처 #{id}: 없는 게재처입니다</translation>
    </message>
    <message>
        <source>there is no achievement #{id}</source>
        <translation>성과 #{id}: 없는 성과입니다</translation>
    </message>
    <message>
        <source>there is already a member named {name}</source>
        <translation>같은 이름의 구성원이 이미 있습니다: {name}</translation>
    </message>
    <message>
        <source>left ({other}) must not come before joined ({name})</source>
        <translation>떠난 달이 합류한 달보다 앞설 수 없습니다 (떠남 {other}, 합류 {name})</translation>
    </message>
    <message>
        <source>a venue cannot be its own parent</source>
        <translation>게재처는 자기 자신의 상위 학회가 될 수 없습니다</translation>
    </message>
    <message>
        <source>{name} cannot be the parent: it would make a cycle</source>
        <translation>상위 학회가 될 수 없습니다: {name} (순환이 생깁니다)</translation>
    </message>
    <message>
        <source>alias {name} already belongs to {other}</source>
        <translation>이미 다른 기록의 별칭입니다: {name} ({other})</translation>
    </message>
    <message>
        <source>{name} is already the venue {other} (or one of its aliases)</source>
        <translation>이미 있는 게재처 이름입니다: {name} ({other} 또는 그 별칭)</translation>
    </message>
    <message>
        <source>venue {name} is not in this lab yet; the venue catalog has it: add the venue {other} first</source>
        <translation>아직 이 연구실에 없는 게재처입니다 (게재처 목록에는 있습니다. 먼저 게재처를 추가하세요: {other}): {name}</translation>
    </message>
    <message>
        <source>venue {name} is not a known venue; closest: {other}</source>
        <translation>알 수 없는 게재처입니다 (비슷한 게재처: {other}): {name}</translation>
    </message>
    <message>
        <source>venue {name} is not a known venue</source>
        <translation>알 수 없는 게재처입니다: {name}</translation>
    </message>
    <message>
        <source>parent {name} is not in this lab yet; the venue catalog has it: add the venue {other} first</source>
        <translation>아직 이 연구실에 없는 상위 게재처입니다 (게재처 목록에는 있습니다. 먼저 게재처를 추가하세요: {other}): {name}</translation>
    </message>
    <message>
        <source>parent {name} is not a known venue; closest: {other}</source>
        <translation>알 수 없는 상위 게재처입니다 (비슷한 게재처: {other}): {name}</translation>
    </message>
    <message>
        <source>parent {name} is not a known venue</source>
        <translation>알 수 없는 상위 게재처입니다: {name}</translation>
    </message>
    <message>
        <source>a member is listed twice</source>
        <translation>같은 구성원이 두 번 있습니다</translation>
    </message>
    <message>
        <source>{name} is listed twice among the authors</source>
        <translation>저자 목록에 두 번 있습니다: {name}</translation>
    </message>
    <message>
        <source>venue {name} has no typical month; give the news month (YYYY-MM)</source>
        <translation>게재처에 보통 발표 달이 없습니다: {name}. 뉴스 달을 적으세요 (YYYY-MM)</translation>
    </message>
    <message>
        <source>the featured member {name} must be one of the paper&apos;s authors</source>
        <translation>대표 구성원은 논문 저자 중 한 명이어야 합니다: {name}</translation>
    </message>
    <message>
        <source>the featured member does not exist</source>
        <translation>대표 구성원이 없습니다</translation>
    </message>
    <message>
        <source>this paper is already recorded as paper #{id} {name}</source>
        <translation>이미 기록된 논문입니다: #{id} {name}</translation>
    </message>
    <message>
        <source>doi {name} already exists on paper #{id}</source>
        <translation>이미 다른 논문에 있는 DOI입니다: {name} (논문 #{id})</translation>
    </message>
    <message>
        <source>no papers to remove</source>
        <translation>삭제할 논문이 없습니다</translation>
    </message>
    <message>
        <source>paper #{id} was changed by someone else since you opened it; reload it and make your change again</source>
        <translation>연 뒤에 다른 사람이 논문 #{id}의 내용을 바꿨습니다. 다시 불러온 뒤 다시 바꾸세요</translation>
    </message>
    <message>
        <source>member {name} was changed by someone else since you opened it; reload it and make your change again</source>
        <translation>연 뒤에 다른 사람이 이 구성원을 바꿨습니다: {name}. 다시 불러온 뒤 다시 바꾸세요</translation>
    </message>
    <message>
        <source>venue {name} was changed by someone else since you opened it; reload it and make your change again</source>
        <translation>연 뒤에 다른 사람이 이 게재처를 바꿨습니다: {name}. 다시 불러온 뒤 다시 바꾸세요</translation>
    </message>
    <message>
        <source>achievement {name} was changed by someone else since you opened it; reload it and make your change again</source>
        <translation>연 뒤에 다른 사람이 이 성과를 바꿨습니다: {name}. 다시 불러온 뒤 다시 바꾸세요</translation>
    </message>
    <message>
        <source>member {name} is still {uses}; remove or edit those first</source>
        <translation>아직 이 구성원을 쓰는 기록이 있습니다: {name} ({uses}). 먼저 그 기록을 지우거나 고치세요</translation>
    </message>
    <message>
        <source>venue {name} {uses}; move or remove those first</source>
        <translation>아직 이 게재처를 쓰는 기록이 있습니다: {name} ({uses}). 먼저 그 기록을 옮기거나 지우세요</translation>
    </message>
    <message>
        <source>an author of 1 paper</source>
        <translation>논문 1편의 저자</translation>
    </message>
    <message>
        <source>an author of {n} papers</source>
        <translation>논문 {n}편의 저자</translation>
    </message>
    <message>
        <source>named in the news of 1 paper</source>
        <translation>논문 1편의 뉴스에 나옴</translation>
    </message>
    <message>
        <source>named in the news of {n} papers</source>
        <translation>논문 {n}편의 뉴스에 나옴</translation>
    </message>
    <message>
        <source>named by 1 achievement</source>
        <translation>성과 1건에 나옴</translation>
    </message>
    <message>
        <source>named by {n} achievements</source>
        <translation>성과 {n}건에 나옴</translation>
    </message>
    <message>
        <source>has 1 paper</source>
        <translation>논문 1편</translation>
    </message>
    <message>
        <source>has {n} papers</source>
        <translation>논문 {n}편</translation>
    </message>
    <message>
        <source>is the parent of {name}</source>
        <translation>상위 학회로서 워크숍: {name}</translation>
    </message>
    <message>
        <source>{name} is too large to import ({size} bytes)</source>
        <translation>가져오기에는 너무 큰 파일입니다 ({size}바이트): {name}</translation>
    </message>
    <message>
        <source>{name} is not a text file (it holds binary data)</source>
        <translation>텍스트 파일이 아닙니다 (바이너리 데이터가 들어 있습니다): {name}</translation>
    </message>
    <message>
        <source>{name} is too large to be a news file ({size} characters)</source>
        <translation>뉴스 파일로 보기에는 너무 큽니다 ({size}자): {name}</translation>
    </message>
    <message>
        <source>{name} is too large to be a news page ({size} characters)</source>
        <translation>뉴스 페이지로 보기에는 너무 큽니다 ({size}자): {name}</translation>
    </message>
    <message>
        <source>{name} is too large to be a news file</source>
        <translation>뉴스 파일로 보기에는 너무 큽니다: {name}</translation>
    </message>
    <message>
        <source>{name} holds no .md or .html news files</source>
        <translation>.md 또는 .html 뉴스 파일이 없는 폴더입니다: {name}</translation>
    </message>
    <message>
        <source>{name} is neither a YAML news list nor a script with an array</source>
        <translation>YAML 뉴스 목록도, 배열이 있는 스크립트도 아닙니다: {name}</translation>
    </message>
    <message>
        <source>{name} is not valid YAML at line {n}: {problem}</source>
        <translation>올바른 YAML이 아닙니다 ({n}번째 줄: {problem}): {name}</translation>
    </message>
    <message>
        <source>{name} is not valid YAML: {problem}</source>
        <translation>올바른 YAML이 아닙니다 ({problem}): {name}</translation>
    </message>
    <message>
        <source>{name} is nested too deeply to be a news list</source>
        <translation>뉴스 목록으로 보기에는 너무 깊게 중첩되어 있습니다: {name}</translation>
    </message>
    <message>
        <source>{name} holds no list of news items (each with a date and a text)</source>
        <translation>뉴스 항목(날짜와 내용이 있는 항목)의 목록이 없습니다: {name}</translation>
    </message>
    <message>
        <source>{name} holds no array of news items (expected e.g. export const news = [{{date: ..., title: ...}}])</source>
        <translation>뉴스 항목의 배열이 없습니다 (예: export const news = [{{date: ..., title: ...}}]): {name}</translation>
    </message>
    <message>
        <source>the BibTeX file is nested too deeply to read</source>
        <translation>BibTeX 파일이 너무 깊게 중첩되어 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the BibTeX file could not be read ({problem})</source>
        <translation>BibTeX 파일을 읽을 수 없습니다 ({problem})</translation>
    </message>
    <message>
        <source>a BibTeX value joins @string macros into more than {size} characters; the file is refused</source>
        <translation>BibTeX 값이 @string 매크로를 이어 {size}자를 넘습니다. 이 파일은 가져오지 않습니다</translation>
    </message>
    <message>
        <source>the file is not valid JSON (line {n}, column {m}: {problem})</source>
        <translation>올바른 JSON 파일이 아닙니다 ({n}번째 줄, {m}번째 열: {problem})</translation>
    </message>
    <message>
        <source>the JSON file is nested too deeply to read</source>
        <translation>JSON 파일이 너무 깊게 중첩되어 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>the file holds a number of {size} digits; it is not a labnews export</source>
        <translation>파일에 {size}자리 숫자가 있습니다. labnews에서 내보낸 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the file is not a labnews export (no &quot;format&quot;: &quot;labnews&quot;)</source>
        <translation>labnews에서 내보낸 파일이 아닙니다 (&quot;format&quot;: &quot;labnews&quot;가 없습니다)</translation>
    </message>
    <message>
        <source>the file&apos;s labnews format version is missing or not a number</source>
        <translation>파일의 labnews 형식 버전이 없거나 숫자가 아닙니다</translation>
    </message>
    <message>
        <source>the file was written by a newer labnews (format version {n}); update labnews to import it</source>
        <translation>더 새로운 labnews가 쓴 파일입니다 (형식 버전 {n}). 가져오려면 labnews를 업데이트하세요</translation>
    </message>
    <message>
        <source>&quot;{name}&quot; in the file must be a list</source>
        <translation>파일의 &quot;{name}&quot; 항목은 목록이어야 합니다</translation>
    </message>
    <message>
        <source>line {n}: the CSV cannot be read ({problem})</source>
        <translation>{n}번째 줄: CSV를 읽을 수 없습니다 ({problem})</translation>
    </message>
    <message>
        <source>the CSV header names no labnews table: a papers table has venue and year columns, members a name column, venues a short column, achievements kind, title and date</source>
        <translation>CSV 머리글이 labnews의 어느 표에도 맞지 않습니다. 논문 표에는 venue와 year 열, 구성원 표에는 name 열, 게재처 표에는 short 열, 성과 표에는 kind, title, date 열이 있어야 합니다</translation>
    </message>
    <message>
        <source>the import has {n} errors; first: {problem}</source>
        <translation>가져오기에 오류가 {n}개 있습니다. 첫 번째 오류: {problem}</translation>
    </message>
    <message>
        <source>the import names {name}, who is not a member</source>
        <translation>구성원이 아닌 사람이 가져오기에 있습니다: {name}</translation>
    </message>
    <message>
        <source>cannot write {name}: the folder {other} does not exist</source>
        <translation>쓸 수 없습니다 (폴더가 없습니다: {other}): {name}</translation>
    </message>
    <message>
        <source>cannot write {name}: it is a folder</source>
        <translation>쓸 수 없습니다 (폴더입니다): {name}</translation>
    </message>
    <message>
        <source>cannot write {name}: it is not a regular file (a pipe, socket or device)</source>
        <translation>쓸 수 없습니다 (일반 파일이 아닙니다: 파이프, 소켓 또는 장치): {name}</translation>
    </message>
    <message>
        <source>cannot write {name}: {problem}</source>
        <translation>쓸 수 없습니다 ({problem}): {name}</translation>
    </message>
    <message>
        <source>cannot read {name}: {problem}</source>
        <translation>읽을 수 없습니다 ({problem}): {name}</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>찾을 수 없습니다: {path}</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Hide this bar</source>
        <translation>이 막대 숨기기</translation>
    </message>
</context>
<context>
    <name>VenueDialog</name>
    <message>
        <source>Edit venue</source>
        <translation>게재처 편집</translation>
    </message>
    <message>
        <source>New venue</source>
        <translation>새 게재처</translation>
    </message>
    <message>
        <source>Short &amp;name:</source>
        <translation>약칭(&amp;N):</translation>
    </message>
    <message>
        <source>How news lines and the tally name the venue</source>
        <translation>뉴스 줄과 집계에서 이 게재처를 부르는 이름</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>정식 이름(&amp;F):</translation>
    </message>
    <message>
        <source>Conference on Computer Vision and …</source>
        <translation>Conference on Computer Vision and …</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>종류(&amp;K):</translation>
    </message>
    <message>
        <source>Journals print without a year: “ETRI J.”, not “ETRI J. 2024”</source>
        <translation>저널은 연도 없이 적습니다: “ETRI J. 2024”가 아니라 “ETRI J.”</translation>
    </message>
    <message>
        <source>&amp;Part of:</source>
        <translation>상위 학술대회(&amp;P):</translation>
    </message>
    <message>
        <source>The conference of a workshop</source>
        <translation>워크숍이 속한 학술대회</translation>
    </message>
    <message>
        <source>A workshop&apos;s papers count under its conference by default</source>
        <translation>워크숍 논문은 기본적으로 상위 학술대회로 집계합니다</translation>
    </message>
    <message>
        <source>&amp;Counts as:</source>
        <translation>집계 라벨(&amp;C):</translation>
    </message>
    <message>
        <source>Its short name (a workshop: its conference&apos;s)</source>
        <translation>약칭 (워크숍은 상위 학술대회의 약칭)</translation>
    </message>
    <message>
        <source>The tally label; give several journals “SCI-E” to count them together</source>
        <translation>집계 라벨. 여러 저널에 “SCI-E”를 주면 함께 셉니다</translation>
    </message>
    <message>
        <source>Usual &amp;month:</source>
        <translation>보통 개최 달(&amp;M):</translation>
    </message>
    <message>
        <source>not fixed</source>
        <translation>정해지지 않음</translation>
    </message>
    <message>
        <source>Fills in the news month of a new paper at this venue</source>
        <translation>이 게재처의 새 논문에 뉴스 월로 채워집니다</translation>
    </message>
    <message>
        <source>One per line: DBLP and BibTeX spellings, to recognise the venue</source>
        <translation>한 줄에 하나씩: 게재처를 알아보기 위한 DBLP, BibTeX 표기</translation>
    </message>
    <message>
        <source>&amp;Homepage:</source>
        <translation>홈페이지(&amp;H):</translation>
    </message>
    <message>
        <source>No other venue is called “{0}”.</source>
        <translation>이런 이름의 다른 게재처가 없습니다: “{0}”.</translation>
    </message>
</context>
<context>
    <name>VenuesModel</name>
    <message>
        <source>conference</source>
        <translation>학술대회</translation>
    </message>
    <message>
        <source>journal</source>
        <translation>저널</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>워크숍</translation>
    </message>
    <message>
        <source>other</source>
        <translation>기타</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>약칭</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>정식 이름</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>상위 학술대회</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>집계 라벨</translation>
    </message>
    <message>
        <source>Typical month</source>
        <translation>보통 개최 달</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>다른 표기</translation>
    </message>
    <message>
        <source>Set on this venue</source>
        <translation>이 게재처에 지정됨</translation>
    </message>
    <message>
        <source>The tally rules leave workshop papers out</source>
        <translation>집계 규칙이 워크숍 논문을 뺍니다</translation>
    </message>
    <message>
        <source>The default: its own short name, or its conference&apos;s for a workshop</source>
        <translation>기본값: 자신의 약칭, 워크숍이면 상위 학술대회의 약칭</translation>
    </message>
</context>
<context>
    <name>VenuesView</name>
    <message>
        <source>venue</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>venues</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>&amp;New venue…</source>
        <translation>새 게재처(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a conference, journal or workshop</source>
        <translation>학술대회, 저널, 워크숍을 추가합니다</translation>
    </message>
    <message>
        <source>Search short names, full names and other spellings</source>
        <translation>약칭, 정식 이름, 다른 표기 검색</translation>
    </message>
    <message>
        <source>No venues yet. Add a conference, journal or workshop, or import a table of them.</source>
        <translation>아직 게재처가 없습니다. 학회, 저널, 워크숍을 추가하거나 그 표를 가져오세요.</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>en</source>
        <comment>The code of the language you translate into: ko for Korean</comment>
        <translation>ko</translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation>1편</translation>
    </message>
    <message>
        <source>{0} papers</source>
        <translation>{0}편</translation>
    </message>
    <message>
        <source>{count} {label}</source>
        <comment>one label of a tally: 5 CVPR</comment>
        <translation>{label} {count}편</translation>
    </message>
    <message>
        <source>No papers yet in {0}.</source>
        <translation>{0}년에는 아직 논문이 없습니다.</translation>
    </message>
    <message>
        <source>We have {total} this year ({items}).</source>
        <translation>올해 논문 {total} ({items}).</translation>
    </message>
    <message>
        <source>{words} accepted to {venue}</source>
        <translation>{venue} 논문 {count}편 채택</translation>
    </message>
</context>
<context>
    <name>YearEdit</name>
    <message>
        <source>Give the year.</source>
        <translation>연도를 쓰세요.</translation>
    </message>
    <message>
        <source>“{0}” is not a year between {1} and {2}.</source>
        <translation>{1}부터 {2} 사이의 연도가 아닙니다: “{0}”.</translation>
    </message>
</context>
<context>
    <name>YearMembersModel</name>
    <message>
        <source>joined {0}, no paper yet</source>
        <translation>{0} 합류, 아직 논문 없음</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>구성원</translation>
    </message>
    <message>
        <source>Papers</source>
        <translation>논문</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>게재처</translation>
    </message>
    <message>
        <source>{0}: named in the news for {1} of these papers</source>
        <translation>{0}: 이 중 {1}편의 뉴스 줄에 이름이 나옵니다</translation>
    </message>
    <message>
        <source>Double-click to see these papers</source>
        <translation>두 번 누르면 이 논문들을 봅니다</translation>
    </message>
</context>
</TS>
