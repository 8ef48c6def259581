"""Read one line of news: its "N papers accepted to VENUE (names)" clauses and its tally.

Every pattern here is written so that no input makes it backtrack more than a bounded amount
per character (a 100,000-line page is read in linear time).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from labnews.core.names import name_key
from labnews.core.words import NUMBER_WORDS, word_number

MAX_COUNT = 200
"""A clause counting more papers than this is not believed (it is reported, not imported)."""
MAX_VENUE = 120
"""Characters a venue may take in a clause; longer text is not a venue."""
_IMPLIED_ONE = {"a", "an", "our", "my", "his", "her", "their", "single", "the", "this"}
_COUNT_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|both|an?|our|my|his|her|their|single"
    r"|the|this"
)
_COUNT = rf"(?:\d{{1,4}}\s?[x×]?|{_COUNT_WORD})(?![a-z])"
_ADJECTIVES = (
    r"(?:(?:new|full|main|long|short|oral|spotlight|poster|regular|conference|journal"
    r"|workshop|research|more|first|accepted|findings|demo)\s)"
)
_NOUN = r"(?:papers?|works?|articles?|manuscripts?|submissions?)(?![a-z])"
# "Two papers", "We have 3x new papers", "Our paper": the start of a clause.
_CLAUSE_HEAD = re.compile(
    r"(?:(?:we|our\s(?:lab|team|group)|the\s(?:lab|team|group))\s(?:have|has|had|got|get)\s)?"
    rf"(?:(?P<count>{_COUNT})\s(?:of\s(?:our|my|their|his|her)\s)?)?"  # "Three of our papers"
    rf"(?P<adj>{_ADJECTIVES}{{0,3}})(?P<noun>{_NOUN})",
    re.IGNORECASE,
)
_VERB_WORD = r"(?:accepted|published|to\sappear|appears?|appeared)(?![a-z])"
_VERB = re.compile(
    r"\s?(?:(?:is|are|was|were|has|have|had|been|got|get|gets|just|all|both|finally"
    rf"|officially|also|now)\s){{0,4}}{_VERB_WORD}[\s,]*"
    # "accepted as an Oral presentation at AAAI 2025", "as TVCG Journal paper at IEEE VR 2025":
    # what the paper is accepted as comes before the venue, not in it.
    r"(?:as\s(?:an?\s)?(?P<as>[^.!?;:,@]{0,40}?)\s?(?:presentation|paper|talk|article)"
    r"\s(?:at|in|to|by|for|@)\s?"
    # "accepted @ICRA 2026": the at-sign is "at".
    r"|(?:to|at|in|by|for|on|into|as)\s|@\s?)?(?:(?:publication|presentation)\s(?:in|at)\s)?"
    r"(?:the\s)?",
    re.IGNORECASE,
)
# "Our paper SeeAll is accepted", "Our paper on video was accepted": a few words, then the verb.
_LATER_VERB = re.compile(rf"[^.!?;:()\"“]{{1,80}}?\s(?={_VERB_WORD})", re.IGNORECASE)
_CLAUSE_START = re.compile(
    rf"(?:[,;&]|\band\b)\s?(?=(?:{_COUNT})\s{_ADJECTIVES}{{0,3}}{_NOUN})", re.IGNORECASE
)
# "... accepted by NeurIPS 2024. One paper ... has been accepted by ...": a second sentence that
# counts papers starts a clause of its own (the first sentence must have had its verb).
_SENTENCE_CLAUSE = re.compile(
    rf"(?<=[.!?])\s(?=(?:\d{{1,4}}\s?[x×]?|{_COUNT_WORD})\s{_ADJECTIVES}{{0,3}}{_NOUN})",
    re.IGNORECASE,
)
_HAS_VERB = re.compile(rf"\b{_VERB_WORD}", re.IGNORECASE)
# Long titles between the count and the verb: "Two papers DreamClear: High-Capacity ... have been
# accepted". Only after a counted head, so a sentence of other news is not read as titles.
_LONG_LATER_VERB = re.compile(rf"[^.!?;()\"“]{{1,600}}?\s(?={_VERB_WORD})", re.IGNORECASE)
# What the papers are about ends the list of their names: "A and B on encoder-free MLLMs".
_TOPIC = re.compile(r"\s(?:on|for|about|towards?|regarding|in\sthe\sfield\sof)\s", re.IGNORECASE)
_LIST_SPLIT = re.compile(r",|;|&|\band\b")
_BEFORE_VERB = re.compile(r"\s?(?:(?:entitled|titled|on)\s)?(?P<open>[\"“'‘«(])", re.IGNORECASE)
_CLOSERS = {"“": "”", "‘": "’", "«": "»", "(": ")"}
_QUOTE = re.compile(r"[\"“«]")
_SENTENCE = re.compile(r"[.!?:]\s")
# A paper named before its verb: "ONE-SHOT", "HumanBA", "Humans-as-Checkerboards", "DiTer++",
# "Radiation-Guided Exploration" (later words capitalised), or several joined: "KISS-IMU and GSAT".
_PAPER_NAME = r"[A-Za-z0-9+]{1,20}(?:-[A-Za-z0-9+]{1,20}){0,4}"
_NAMED_PAPER = re.compile(
    rf"(?P<name>[A-Za-z]{_PAPER_NAME}(?:\s[A-Z]{_PAPER_NAME}){{0,2}})"
    rf"(?P<more>(?:(?:,\s?|\s(?:and|&)\s)[A-Za-z]{_PAPER_NAME}(?:\s[A-Z]{_PAPER_NAME}){{0,2}}){{0,5}})"
    r"(?=\s)"
)
_PAPER_NAME_SPLIT = re.compile(r",\s?|\s(?:and|&)\s")
_NOT_A_PAPER_NAME = frozenset(
    {"i", "we", "he", "she", "it", "they", "this", "that", "which", "who", "one", "paper"}
)
_EDITION_IN = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|['’]\d{2}(?!\d)")
_ZH_SENTENCE = re.compile(r"[。；;！!]|，(?=恭喜|祝贺)")
_KOREAN_CLAUSE = re.compile(
    r"(?P<venue>[^()]{1,120}?)\s?논문\s?(?P<count>\d{1,3})\s?편\s?(?:채택|게재|승인)\s?"
    r"(?:\((?P<names>[^()]{0,2000})\))?\s?[.!]?$"
)
# "컴퓨터 비전 최고 학술대회인 CVPR 2025에 논문이 채택되었습니다", "ICCV 2025에 논문 2편이 채택":
# the venue is the Latin text just before the particle; the verbs and particles are data.
_KO_VERBS = "채택|게재|승인|발표"
_KO_PARTICLES = "에서|에|의"
_KOREAN_SENTENCE = re.compile(
    rf"(?P<venue>[A-Za-z][A-Za-z0-9 '’&/.()-]{{0,118}}?)\s?(?:{_KO_PARTICLES})\s"
    rf"(?:[^\s]{{1,12}}\s){{0,3}}?논문(?:\s?(?P<count>\d{{1,3}})\s?편)?[이가을]?\s?"
    rf"(?:최종\s?)?(?:{_KO_VERBS})"
)
# "**Authors:** A, B", "Student: A (이상민)": a line that only names the people of its block.
_NAMES_LINE = re.compile(
    r"(?:authors?|students?|members?|participants?|people|team|저자|참여자|作者|成员)\s?[:：]\s?"
    r"(?P<names>.{1,600})",
    re.IGNORECASE,
)
_VENUE_CUT = re.compile(r"[!?;:|]|\s[-–—]{1,2}\s|(?<=\d)[.,](?:\s|$)")
# "accepted by TGRS. Congratulations to Kai Li": a full stop, a space and a capital end the
# venue's sentence, unless the word before it is an abbreviation of a venue's name ("Proc. IEEE",
# "IEEE Trans. Image Process.") or an initial, or the next word is abbreviated too ("Intell.
# Transp. Syst.": an abbreviated name goes on), and the next word does not start a sentence.
_FULL_STOP = re.compile(r"(?P<word>[^\s.]*)\.\s+(?=(?P<next>[A-Z][^\s.]*\.?))")
_ABBREVIATIONS = frozenset(
    {
        "trans", "proc", "int", "intl", "conf", "symp", "comput", "vis", "intell", "mach",
        "anal", "process", "lett", "mag", "eng", "sci", "syst", "inf", "res", "rev", "appl",
        "technol", "commun", "netw", "soc", "assoc", "natl", "acad", "phys", "math", "stat",
        "geosci", "sens", "robot", "autom", "inform", "biomed", "med", "electron", "signal",
        "neural", "learn", "multimed", "graph", "softw", "secur", "knowl", "data", "ind", "vol",
        "transp", "veh", "environ", "manag", "oper", "optim", "theory", "control", "adv",
        "no", "dept", "univ", "st", "jr", "vs", "al", "etc", "fig",
    }
)  # fmt: skip
# Words that start a sentence after a venue, never a venue's next word: "Int. J. Comput. Vis.
# Congratulations to A" ends at "Vis." though "vis" is an abbreviation.
_SENTENCE_STARTS = frozenset(
    {
        "congratulations", "congrats", "kudos", "thanks", "well", "see", "check", "code",
        "details", "looking", "stay", "we", "our", "this", "it", "they", "she", "he",
    }
)  # fmt: skip
_PRESENTATION = re.compile(
    r"\s(?:as\s)?(?:an?\s)?(?P<p>oral|spotlight|poster|highlight)"
    r"(?:\s(?:paper|presentation|talk))?\.?$",
    re.IGNORECASE,
)
_TALLY = re.compile(
    r"(?:we\shave\s)?(?P<total>\d{1,4})\s?papers?(?:\s(?:this\syear|in\stotal|total))?"
    r"(?:\s?\((?P<items>[^()]{0,5000})\))?",
    re.IGNORECASE,
)
_KOREAN_TALLY = re.compile(r"논문\s?(?P<total>\d{1,4})\s?편\s?(?:\((?P<items>[^()]{0,5000})\))?")
_YEAR_LIKE = range(1900, 2101)
_TALLY_ITEM = re.compile(r"(?P<count>\d{1,4})\s?[x×]?\s(?P<label>.{1,120})")
_TALLY_ITEM_AFTER = re.compile(r"(?P<label>.{1,120}?)(?:\s?[:×]\s?|\s)(?P<count>\d{1,3})(?:\s?편)?")
_NAME_SPLIT = re.compile(r",|;|\band\b|&|·|/|，|、")
_NAME_STOP = frozenset(
    {
        "oral",
        "spotlight",
        "poster",
        "highlight",
        "award",
        "best",
        "paper",
        "papers",
        "top",
        "if",
        "impact",
        "factor",
        "accepted",
        "selected",
        "finalist",
        "nominee",
        "candidate",
        "presentation",
        "track",
        "workshop",
        "findings",
        "main",
        "conference",
        "journal",
        "first",
        "author",
        "authors",
        "equal",
        "contribution",
        "with",
        "demo",
        "sci",
        "sci-e",
        "scie",
        "q1",
        "jcr",
        "rank",
        "ranked",
        "acceptance",
        "rate",
        "code",
        "project",
        "arxiv",
        "link",
        "pdf",
        "and",
        "all",
        "coauthors",
        "co-authors",
        "collaborators",
        "everyone",
        "team",
        *NUMBER_WORDS,
    }
)
_TITLE = re.compile(r"(?:prof|dr|mr|ms|mrs)\.?\s", re.IGNORECASE)
_VENUE_NAME = re.compile(
    r"\b(?:conference|symposium|transactions|proceedings|international|workshop)\b", re.IGNORECASE
)
# Words of a method's or a paper's name, never of a person's: data, extended as pages show them.
_METHOD_WORDS = frozenset(
    {
        "video",
        "image",
        "editing",
        "neural",
        "network",
        "networks",
        "learning",
        "model",
        "models",
        "art",
        "intelligent",
        "bench",
        "benchmark",
        "dataset",
        "detection",
        "segmentation",
        "generation",
        "transformer",
        "diffusion",
        "vision",
        "language",
        "face",
        "systems",
        "robots",
        "constellation",
    }
)
# Small words of a phrase, never of a name ("van", "de", "bin" are of names: not here).
_PHRASE_WORDS = frozenset(
    {"of", "the", "for", "with", "on", "in", "to", "a", "an", "via", "from", "by", "at", "is"}
    | {"are", "our", "we", "new", "using", "based", "towards", "toward", "vs"}
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_ACRONYM_WORD = re.compile(r"[A-Z]{2,}(?:-\S*)?|\S*-[A-Z]{2,}")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
# "congrats to A, B and all coauthors!", "恭喜A、B（本科生）！", "축하합니다": who a line credits.
_CONGRATS = re.compile(
    r"(?:congratulations|congrats)(?:\s(?:to|go\sto))?[\s,:]+|恭喜|祝贺", re.IGNORECASE
)
_CONGRATS_END = re.compile(r"[!！。.;；?？]|\s(?:for|on)\s")
_ROLE_TAG = re.compile(r"（[^（）]{0,20}）|\([^()]{0,20}\)")

# Chinese paper news: "团队2篇论文(…)被ECCV 2020接收", "论文“…”已被…(CVPR 26)录用": data, not one
# regex per page. The verbs that mean accepted, and the numerals a count is written in.
_ZH_VERBS = ("录用", "接收", "录取", "接受")
_ZH_PAPER = "论文"
_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_ZH_DIGITS |= {"八": 8, "九": 9}
_ZH_COUNT = re.compile(r"(?P<n>\d{1,3}|[零一二两三四五六七八九十]{1,3})\s?篇\s?$")
_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_LAST_GROUP = re.compile(r"[(（](?P<inner>[^()（）]{1,120})[)）]\s?$")
_ZH_TITLE = re.compile(r"[\"“《](?P<title>[^\"“”《》]{1,500})[\"”》]")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_IN_NAME = re.compile(r"[\d%$€£₩@=+<>]")
_ET_AL = re.compile(r"\s?\bet\.?\sal\.?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageClause:
    """One "N papers accepted to VENUE (names)" clause as the page writes it."""

    count: int
    venue: str
    names: tuple[str, ...]
    title: str = ""
    titles: tuple[str, ...] = ()
    presentation: str | None = None
    workshop: bool = False
    notes: tuple[str, ...] = ()
    greeted: bool = False
    """The names were said as people ("Congrats to A, B", "Authors: A, B"), not only listed."""

    @property
    def maybe(self) -> tuple[str, ...]:
        """The names that may not be people: shown unticked, never made members unasked."""
        return tuple(name for name in self.names if maybe_a_person(name, self.greeted))


def _count(word: str | None) -> int | None:
    """The number a count word means; None for "our"/"a"-like words that imply no number."""
    if word is None:
        return None
    token = " ".join(word.lower().split())
    if token in _IMPLIED_ONE:
        return None
    if token[-1:] in ("x", "×") and token[:-1].strip().isdigit():  # "3x papers"
        token = token[:-1].strip()
    if token.isdigit():
        return int(token)
    if token == "both":
        return 2
    return word_number(token)


def _names(text: str | None) -> tuple[str, ...]:
    """The person names in a parenthesis; ranks, impact factors and labels are not names."""
    if not text or _VENUE_NAME.search(text):  # "(IEEE/RSJ International Conference on …)"
        return ()
    names = []
    for part in _NAME_SPLIT.split(text):
        name = part.strip(" .*_†‡§¶#'\"“”‘’:-")
        if " al" in name:
            name = _ET_AL.sub("", name)
        title = _TITLE.match(name)
        if title:  # "Prof. Kim": the member is Kim
            name = name[title.end() :].strip()
        words = name.split()
        if (
            not name
            or len(name) > 80
            or len(words) > 6
            or _LETTER.search(name) is None
            or _NOT_IN_NAME.search(name) is not None
            or not _NAME_STOP.isdisjoint(name.lower().replace(".", " ").replace(":", " ").split())
            or (not name.isascii() and not name_key(name))
            or not _person_shaped(words)
        ):
            continue
        names.append(" ".join(words))
    return tuple(dict.fromkeys(names))


def _person_shaped(words: list[str]) -> bool:
    """Whether words read as a person's name, not a method's: "FishNet", "HRS-Bench", "AI Art
    Neural Constellation" and "Intelligent Video Editing" do not; "ByungKwan Chae" does."""
    if len(words) == 1 and _INNER_CAPITAL.search(words[0]):  # one CamelCase word: a method
        return False
    for word in words:
        if _ACRONYM_WORD.fullmatch(word) or word.lower().strip(".,") in _METHOD_WORDS:
            return False
    return True


def maybe_a_person(name: str, greeted: bool = False) -> bool:
    """Whether a name that passed as a person's may still not be one: a single Latin word only
    listed in a parenthesis ("(Mamba)"), a lower-case start ("ours"), a phrase's small words
    ("Learning to Rank") or more words than a name has. Chinese and Korean names are people."""
    if _CJK.search(name) or _HANGUL.search(name):
        return False
    words = name.split()
    # Only in lower case: "Kim A", "An Jaehyun", "To Minh" are names; "Learning to Rank" is not.
    if any(word in _PHRASE_WORDS for word in words) or len(words) > 4:
        return True
    if not words[0][:1].isupper():
        return True
    return len(words) == 1 and not greeted


def _groups(text: str, position: int = 0) -> Iterator[str]:
    """What the parentheses of a text hold, left to right (an unclosed one: to the end)."""
    while True:
        start = text.find("(", position)
        if start < 0:
            return
        end = text.find(")", start + 1)
        if end < 0:
            yield text[start + 1 :]
            return
        yield text[start + 1 : end]
        position = end + 1


def zh_number(text: str) -> int | None:
    """The number digits or Chinese numerals write ("14", "十四", "二十", "两"), or None."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _ZH_DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    high = _ZH_DIGITS.get(tens, 0) if tens else 1
    low = _ZH_DIGITS.get(ones, 0) if ones else 0
    if (tens and tens not in _ZH_DIGITS) or (ones and ones not in _ZH_DIGITS) or not high:
        return None
    return high * 10 + low


def congratulated(text: str) -> tuple[str, ...]:
    """The people a line congratulates: "congrats to Yisong, Tangwen and all coauthors!"."""
    found = _CONGRATS.search(text)
    if found is None:
        return ()
    rest = text[found.end() : found.end() + 600]
    end = _CONGRATS_END.search(rest)
    rest = rest[: end.start()] if end else rest
    return _names(_ROLE_TAG.sub("", rest))


def labelled_names(text: str) -> tuple[str, ...] | None:
    """The people a line like "Authors: A, B, C" names; None when the line is not one."""
    found = _NAMES_LINE.fullmatch(text.strip())
    if found is None:
        return None
    return _names(_ROLE_TAG.sub("", found["names"]))


def _korean_sentence(text: str) -> PageClause | None:
    """ "CVPR 2025에 논문이 채택되었습니다": one paper (or the 편 count) at the venue before 에."""
    paper = text.find("논문")
    # Searched only near the first 논문: the venue stands just before it (bounded work per line).
    found = _KOREAN_SENTENCE.search(text[max(0, paper - 200) : paper + 40]) if paper >= 0 else None
    if found is None:
        return None
    venue = found["venue"].strip(" (")
    if not venue or _EDITION_IN.search(venue) is None:  # a venue with its edition, not a word
        return None
    count = int(found["count"]) if found["count"] else 1
    if not 1 <= count <= MAX_COUNT:
        return None
    return PageClause(count, venue, ())


def _chinese_clause(text: str) -> PageClause | None:
    """One Chinese paper clause: COUNT篇论文 … 被 VENUE 录用/接收; None when it is not one."""
    paper = text.find(_ZH_PAPER)
    if paper < 0:
        return None
    verbs = [i for i in (text.find(v, paper) for v in _ZH_VERBS) if i >= 0]
    if not verbs:
        return None
    verb = min(verbs)
    by = text.rfind("被", paper, verb)
    if by < 0:
        return None
    region = text[by + 1 : verb].strip()
    group = _LAST_GROUP.search(region)
    if group is not None:  # "…Pattern Recognition 2026 (CVPR 26)": the acronym in parentheses
        venue = group["inner"].strip()
    else:  # "二区TOP期刊J-STARS": what follows the last Chinese character
        parts = _CJK.split(region)
        venue = parts[-1].strip(" []") if parts else ""
    if not venue or len(venue) > MAX_VENUE or _LETTER.search(venue) is None:
        return None
    found = _ZH_COUNT.search(text, max(0, paper - 12), paper)
    count = zh_number(found["n"]) if found else 1
    if count is None or not 1 <= count <= MAX_COUNT:
        return None
    title = _ZH_TITLE.search(text, paper, by)
    names = congratulated(text)
    title_text = title["title"][:500] if title else ""
    return PageClause(count, venue, names, title_text, greeted=bool(names))


def _named_paper(text: str) -> PageClause | None:
    """ "KITRO was accepted to CVPR 2024", "KISS-IMU and GSAT accepted @ICRA 2026": a paper per
    name, at a venue with a year (or any venue after "@", which only names a venue)."""
    named = _NAMED_PAPER.match(text)
    if named is None or named["name"].lower() in _NOT_A_PAPER_NAME:
        return None
    verb = _VERB.match(text, named.end())
    if verb is None:
        return None
    rest = text[verb.end() :]
    # "I was accepted to the PhD program": no edition year, no paper.
    if "@" not in verb[0] and _EDITION_IN.search(rest[:MAX_VENUE]) is None:
        return None
    titles = tuple(t for t in _PAPER_NAME_SPLIT.split(named[0]) if t)
    if any(t.lower() in _NOT_A_PAPER_NAME for t in titles):
        return None
    clause = _clause_tail(None, rest, named["name"], (), accepted_as=_accepted_as(verb))
    if clause is None or len(titles) == 1:
        return clause
    return replace(clause, count=len(titles), title="", titles=titles)


def _one_clause(text: str) -> PageClause | None:
    """Read one clause; None when the text is not "N papers accepted to VENUE"."""
    korean = _KOREAN_CLAUSE.match(text) if "논문" in text else None
    if korean:
        return PageClause(int(korean["count"]), korean["venue"].strip(), _names(korean["names"]))
    if "논문" in text:
        one = _korean_sentence(text)
        if one is not None:
            return one
    head = _CLAUSE_HEAD.match(text)
    if head is None:  # "Congratulations! Two papers accepted ...": a clause after a sentence
        for _, sentence in zip(range(3), _SENTENCE.finditer(text), strict=False):
            head = _CLAUSE_HEAD.match(text, sentence.end())
            if head is not None:
                break
        else:
            return _named_paper(text)
    position = head.end()
    title = ""
    before: tuple[str, ...] = ()
    for _ in range(2):  # a quoted title and a parenthesis of names may sit before the verb
        opening = _BEFORE_VERB.match(text, position)
        if opening is None:
            break
        mark = opening["open"]
        end = text.find(_CLOSERS.get(mark, mark), opening.end())
        if end < 0:
            break
        if mark == "(":
            before = _names(text[opening.end() : end])
        else:
            title = text[opening.end() : end].strip()
        position = end + 1
    verb = _VERB.match(text, position)
    listed = 0
    if verb is None:
        between = _LATER_VERB.match(text, position)
        if between is None or len(between[0].split()) > 12:
            between = _LONG_LATER_VERB.match(text, position) if head["count"] else None
            if between is None:
                return None
        verb = _VERB.match(text, between.end() - 1)
        if verb is None:
            return None
        listed = _listed(between[0])
    return _clause_tail(head, text[verb.end() :], title, before, listed, _accepted_as(verb))


def _listed(between: str) -> int:
    """How many papers the words between a plural head and its verb name: "A and B on X" is 2."""
    topic = _TOPIC.search(between)
    named = between[: topic.start()] if topic else between
    parts = [p for p in _LIST_SPLIT.split(named) if p.strip()]
    return len(parts) if all(len(p.split()) <= 20 for p in parts) else 0


def _sentence_end(venue: str) -> int:
    """Where the venue's sentence ends: the first full stop after a word that is not an
    abbreviation (an acronym like "TGRS" or a word like "Change") or before a word that starts a
    sentence ("Congratulations"), else the venue's end."""
    for stop in _FULL_STOP.finditer(venue):
        word = stop["word"].strip("'’\"”)")
        following = stop["next"].rstrip(".,!").lower()
        if following in _SENTENCE_STARTS or (
            len(word) > 1 and word.lower() not in _ABBREVIATIONS and not stop["next"].endswith(".")
        ):
            # An abbreviation keeps its full stop ("Int. J. Comput. Vis."); a word does not.
            return stop.start() + len(stop["word"]) + (word.lower() in _ABBREVIATIONS)
    return len(venue)


def _accepted_as(verb: re.Match[str]) -> str | None:
    """The presentation a verb's "accepted as an Oral presentation at" gives, if any."""
    words = (verb["as"] or "").lower().split()
    return next((w for w in words if w in {"oral", "spotlight", "poster", "highlight"}), None)


def _clause_tail(
    head: re.Match[str] | None,
    rest: str,
    title: str,
    before: tuple[str, ...],
    listed: int = 0,
    accepted_as: str | None = None,
) -> PageClause | None:
    """The venue, names and presentation after the verb, and the clause they make."""
    paren = rest.find("(")
    region = rest if paren < 0 else rest[:paren]
    quote = _QUOTE.search(region)
    if quote is not None:  # 'accepted to CVPR 2024: "Title"'
        end = region.find(_CLOSERS.get(quote[0], quote[0]), quote.end())
        if end > 0 and not title:
            title = region[quote.end() : end].strip()
        region = region[: quote.start()]
    venue = _VENUE_CUT.split(region, maxsplit=1)[0].strip(" ,")
    # Only the first MAX_VENUE characters can hold the venue's end (a longer venue is none).
    venue = venue[: _sentence_end(venue[: MAX_VENUE + 1])].strip(" ,")
    presentation = accepted_as
    lowered = venue.lower()
    found = (
        _PRESENTATION.search(venue)
        if "oral" in lowered or "spotlight" in lowered or "poster" in lowered or "highl" in lowered
        else None
    )
    if found:
        presentation = found["p"].lower()
        venue = venue[: found.start()].strip(" ,")
    if not venue or len(venue) > MAX_VENUE or _LETTER.search(venue) is None:
        return None
    names = before
    if paren >= 0 and not names:  # the first parenthesis that holds names: "(Oral) (A, B)"
        for _, content in zip(range(4), _groups(rest, paren), strict=False):
            names = _names(content)
            word = content.strip().lower()
            if word in {"oral", "spotlight", "poster"} and presentation is None:
                presentation = word
            if names:
                break
    notes: list[str] = []
    if head is None:  # a paper named, not counted: one paper
        return PageClause(1, venue, names, title[:500], presentation=presentation)
    plural = head["noun"].lower().endswith("s")
    count = _count(head["count"])
    words = head["count"] or head["noun"]
    if count is None:
        count = max(len(names), listed, 1) if plural else 1
        if plural:
            source = "the papers it names" if listed > len(names) else "the names"
            notes.append(f"{words!r} gives no count: counted {count} from {source}")
    elif count == 1 and plural:
        notes.append(f"'{head['count']} {head['noun']}': one paper, written as plural")
    elif count > 1 and not plural:
        notes.append(f"'{head['count']} {head['noun']}': {count} papers, written as singular")
    if not 1 <= count <= MAX_COUNT:
        return None
    return PageClause(
        count,
        venue,
        names,
        title[:500],
        presentation=presentation,
        workshop="workshop" in head["adj"].lower(),
        notes=tuple(notes),
    )


def read_line(body: str) -> tuple[list[PageClause], list[str]]:
    """The paper clauses of a line's text, and the parts of it that are not clauses."""
    clauses: list[PageClause] = []
    unread: list[str] = []
    if _ZH_PAPER in body:
        return _chinese_line(body)
    several = "," in body or ";" in body or "&" in body or "and" in body.lower()
    for part in _sentences(_CLAUSE_START.split(body) if several else [body]):
        part = part.strip(" ,;&")
        if part.lower().startswith("and "):
            part = part[4:]
        if not part:
            continue
        clause = _one_clause(part)
        if clause is None:
            unread.append(part)
        else:
            clauses.append(clause)
    if len(clauses) == 1 and not clauses[0].names and _CONGRATS.search(body):
        # "Two papers accepted to ICML 2024. Congrats to Kim and Lee!": the names a line
        # congratulates are its paper's people when they read as people (issue 15).
        names = congratulated(body)
        clauses[0] = replace(clauses[0], names=names, greeted=bool(names))
    return clauses, unread


def _sentences(parts: list[str]) -> Iterator[str]:
    """Each part, cut where a sentence that counts papers follows a sentence with its verb."""
    for part in parts:
        start = checked = 0
        verb = False
        for found in _SENTENCE_CLAUSE.finditer(part):
            # Each stretch of text is searched for a verb once: linear in the part's length.
            verb = verb or _HAS_VERB.search(part, checked, found.start()) is not None
            checked = found.start()
            if verb:
                yield part[start : found.start()]
                start, verb = found.end(), False
        yield part[start:]


def _chinese_line(body: str) -> tuple[list[PageClause], list[str]]:
    """A line in Chinese: its sentences that are paper clauses, and the ones that are not."""
    clauses: list[PageClause] = []
    unread: list[str] = []
    greetings: list[str] = []
    for part in _ZH_SENTENCE.split(body):
        part = part.strip(" ，,")
        if not part:
            continue
        clause = _chinese_clause(part) if _ZH_PAPER in part else None
        if clause is None:
            # "恭喜A、B！" after a clause names its people; on its own it is other news.
            (greetings if part.startswith(("恭喜", "祝贺")) else unread).append(part)
            continue
        if not clause.names:
            names = congratulated(body)
            clause = replace(clause, names=names, greeted=bool(names))
        clauses.append(clause)
    return clauses, unread if clauses else [*unread, *greetings]


def read_tally(body: str) -> tuple[int, list[tuple[str, int]], list[str]] | None:
    """A year line's stated total, its ``COUNT LABEL`` items, and the items not understood."""
    for pattern, korean in ((_TALLY, False), (_KOREAN_TALLY, True)):
        # "CVPR 2025 Paper Acceptance" is a heading, not a tally of 2025 papers: a year is no total.
        found = (m for m in pattern.finditer(body) if int(m["total"]) not in _YEAR_LIKE)
        match = next(found, None)
        if match is None:
            continue
        items: list[tuple[str, int]] = []
        odd: list[str] = []
        for piece in (match["items"] or "").split(","):
            piece = piece.strip()
            if not piece:
                continue
            item = None if korean else _TALLY_ITEM.fullmatch(piece)
            if item is None:
                item = _TALLY_ITEM_AFTER.fullmatch(piece)
            if item is None or not item["label"].strip(" .:"):
                odd.append(piece)
                continue
            items.append((item["label"].strip(" :"), int(item["count"])))
        return int(match["total"]), items, odd
    return None
