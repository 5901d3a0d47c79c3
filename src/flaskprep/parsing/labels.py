"""Small patterns on inline text: answer labels, question prefixes, section numbers."""

from __future__ import annotations

import re
import unicodedata

from flaskprep.words.tokens import undecorated

_EMPHASIS = r"(?:\*\*|__|\*|_)?"
# ``A:``; ``Answer``/``Ans`` also take ``.`` or a dash (``Ans.``, ``Answer -``).
_ANSWER_LABEL = re.compile(
    rf"{_EMPHASIS}(?:(?:[Aa]nswer|ANSWER|[Aa]ns|ANS)(?:{_EMPHASIS}\s*[:.\-–—]|\s*[:.\-–—]{_EMPHASIS})"
    rf"|A(?:{_EMPHASIS}\s*:|\s*:{_EMPHASIS}))(?=\s|$)\s*"
)
# A line that is only a link back up the page: ``**[⬆ Back to Top](#table-of-contents)**``.
_BACK_TO_TOP = re.compile(
    r"[\s*_]*(?:[⬆↑⇧🔝^]\s*)?\[(?P<text>[^\]\n]*)\]\((?P<href>#[^)\s]*)\)[\s*_]*"
)
_TOP_WORDS = re.compile(
    r"[\W_]*(?:(?:back|go|return|scroll)\s+(?:up\s+)?(?:to\s+)?)?(?:the\s+)?"
    r"(?:top|up|contents|table of contents|toc|index|questions)?(?:\s+of\s+(?:the\s+)?page)?[\W_]*",
    re.IGNORECASE,
)
_TOP_ANCHOR = re.compile(r"#(?:top|table-of-contents|contents|toc|index|questions)", re.IGNORECASE)
_CONTENTS = re.compile(r"(?:\d+[.)]?\s+)?(?:table of contents|contents|toc)\s*:?", re.IGNORECASE)
_QUESTION_LABEL = re.compile(
    r"(\*\*|__)?(?:Q|[Qq]uestion|QUESTION)\s*#?\d*\s*(?:(?:\*\*|__)\s*[:.)]|[:.)]\s*(?:\*\*|__)?)\s*"
)
_QUESTION_NUMBER = re.compile(r"(?:(?:Q|[Qq]uestion)\s*#?\d+\s*[:.)-]?|\d{1,9}[.)])\s+")
_SECTION_NUMBER = re.compile(r"(\d{1,9})[.):]\s+(\S.*)")
_RESOURCES = re.compile(
    r"(?:\d+[.)]?\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:resources|references|links|reading|see also|sources|bibliography)"
    r"(?:\s+(?:and|&)\s+(?:[\w-]+\s+)?[\w-]+)?\s*:?",
    re.IGNORECASE,
)
_QUESTION_WORDS = frozenset(
    [
        "what",
        "why",
        "how",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "do",
        "does",
        "did",
        "should",
        "would",
        "will",
        "has",
        "have",
        "explain",
        "describe",
        "define",
        "compare",
        "contrast",
        "differentiate",
        "distinguish",
        "discuss",
        "tell",
        "difference",
        "differences",
        "name",
        "give",
        "mention",
        "identify",
        "predict",
    ]
)
_FIRST_WORD = re.compile(r"[\W_]*(\w+)")
_SOURCE_LINE = re.compile(
    r"[^\w\[]*(?:source|sources|reference|references|credit|credits|via)[*_]*\s*:?[*_\s]*"
    r"(?:\[[^\]\n]*\]\([^)\s]*\)[\s,;*_]*)+",
    re.IGNORECASE,
)
_HTML_ONLY = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|^[^<]*\s[\w-]+=\"[^\"]*\"[^<]*/?>$")
_LINK_LABEL = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")
_POINTING = frozenset(
    """see read more answer answers here at on the full click link source sources details
    check out find visit this in our explanation solution full article docs documentation
    explore all more questions get
    page website blog post video tutorial guide""".split()  # noqa: SIM905
)
"""Words of a line that only points elsewhere: "See 👉 [Answer](…)", "Read more here"."""
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+", re.MULTILINE)
_TASK_VERBS = frozenset(
    """write implement reverse find design code program solve compute calculate count merge
    sort detect convert print given determine""".split()  # noqa: SIM905
)
_ANY_OPTION = re.compile(r"^ {0,3}[-*+] +\[[ xX]\] ", re.MULTILINE)
_OPTION = re.compile(r"^ {0,3}[-*+] +\[([ xX])\] +")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_POINTER = re.compile(
    r"\W*(all|none|both|neither|any)\b.*?\b(?:above|below|options|answers|these|mentioned)\W*",
    re.IGNORECASE,
)
_TAGS = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_QUOTES = frozenset({('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’")})
# Emoji, stars, joiners and marks after a question mark: "What is X? ⭐️".
_MARKS = frozenset({"So", "Sk", "Cf", "Mn", "Me", "Zs", "Co"})


def answer_label(text: str) -> re.Match[str] | None:
    """The ``**Answer:**`` / ``Answer:`` / ``A:`` label at the start of ``text``."""
    return _ANSWER_LABEL.match(text)


def strip_answer_label(text: str) -> str:
    """The text after an answer label, also one on a lone bullet (``*   **A:** …``)."""
    match = answer_label(text)
    if match is None and (bullet := _BULLET.match(text)) is not None:
        labelled = answer_label(text[bullet.end() :])
        if labelled is not None and not _BULLET.search(text, bullet.end()):
            return text[bullet.end() + labelled.end() :].strip()
    return text[match.end() :].strip() if match else text.strip()


def clean_answer(text: str) -> str:
    """The answer without its label and without trailing back-to-top links."""
    lines = strip_answer_label(text).split("\n")
    while lines and (not lines[-1].strip() or _is_back_to_top(lines[-1])):
        lines.pop()
    return "\n".join(lines).strip()


def without_pointers(answer: str) -> str:
    """The answer less its closing source and promotion lines (``🔗 **Source:** [site](…)``,
    "Explore all 55 answers here 👉 [site](…)" and the bare HTML after it); empty when all it
    holds is a link to the answer elsewhere (``See 👉 **[Answer](…)**``)."""
    lines = answer.rstrip().split("\n")
    while lines and _closing(lines[-1].strip()):
        lines.pop()
    kept = "\n".join(lines).strip()
    if "](" not in kept or "`" in kept:
        return kept
    said = _LINK_LABEL.sub(lambda m: "" if _only_pointing(m.group(1)) else m.group(1), kept)
    return "" if _only_pointing(said) else kept


def _closing(line: str) -> bool:
    """A line that ends an answer without adding to it: blank, HTML without text, a
    source, or a link whose words only point at it ("Explore all answers here 👉 [x](…)")."""
    if not line or _SOURCE_LINE.fullmatch(line) or not _HTML_ONLY.sub("", line).strip():
        return True
    outside = _LINK_LABEL.sub("", line)  # the words around its links
    return (
        "](" in line
        and re.search(r"[a-z]", outside.casefold()) is not None
        and (_only_pointing(outside))
    )


def _only_pointing(text: str) -> bool:
    return all(word in _POINTING for word in re.findall(r"[a-z]+", text.casefold()))


def checkbox_answer(answer: str) -> tuple[str, tuple[str, ...]]:
    """A checkbox quiz's answer (``- [ ] Aurora`` / ``- [x] DynamoDB``) as its ticked
    options (one alone as its text, several as a list; a ticked "All of the above" lists
    the others), and the unticked ones: the deck's own wrong options. An answer without
    both a ticked and an unticked option, or whose ticked option only points at others
    ("None of the above"), is left as it is, and so is fenced code."""
    if "[" not in answer or not _ANY_OPTION.search(answer):  # most answers: one C scan
        return answer, ()
    kept, wrong = _checked_options(answer.split("\n"))
    return "\n".join(kept).strip(), wrong


def _checked_options(lines: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """``lines`` reduced to their ticked options, and the unticked ones (see
    ``checkbox_answer``)."""
    fenced = False
    options: dict[int, bool] = {}
    for number, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := _OPTION.match(line)):
            options[number] = match.group(1) != " "
    ticked = [number for number, checked in options.items() if checked]
    if not ticked or len(ticked) == len(options):
        return lines, ()
    pointers = [_POINTER.fullmatch(_OPTION.sub("", lines[n], count=1)) for n in ticked]
    all_right = any(pointers)  # a ticked "All of the above": every other option is right
    if all_right:
        if len(ticked) > 1 or not pointers[0] or pointers[0].group(1).casefold() != "all":
            return lines, ()
        options = {number: number not in ticked for number in options}
        ticked = [number for number, checked in options.items() if checked]
    kept: list[str] = []
    left_out: list[str] = []
    dropping = False
    for number, line in enumerate(lines):
        if number in options:
            dropping = not options[number]
            text = _OPTION.sub("", line, count=1)
            if dropping:
                left_out.append(text.strip())
            else:
                kept.append(text if len(ticked) == 1 else f"- {text}")
        elif dropping and line.startswith((" ", "\t")) and line.strip():
            left_out[-1] += " " + line.strip()  # the rest of an unticked option
        else:
            dropping = False
            kept.append(line)
    return kept, () if all_right else tuple(left_out)


def _is_back_to_top(line: str) -> bool:
    match = _BACK_TO_TOP.fullmatch(line)
    if match is None:
        return False
    text, href = match.group("text"), match.group("href")
    return bool(_TOP_WORDS.fullmatch(text) or _TOP_ANCHOR.fullmatch(href))


def is_contents_title(title: str) -> bool:
    """``Table of Contents``, ``Contents`` or ``TOC``: a list of the deck, not a section."""
    return bool(_CONTENTS.fullmatch(title.strip()))


def question_label(text: str) -> str | None:
    """The text after a ``Q:`` / ``**Question:**`` label, or ``None`` if there is none."""
    match = _QUESTION_LABEL.match(text)
    if not match:
        return None
    rest = text[match.end() :].strip()
    bold = match.group(1)
    if bold and bold not in text[match.start(1) + 2 : match.end()] and rest.endswith(bold):
        rest = rest[: -len(bold)].strip()
    return rest


def strip_question_number(text: str) -> str:
    """``What is X?`` from ``1. What is X?``, ``Q1. What is X?``, ``Question: What is X?``,
    ``3. Q: What is X?`` or ``🔹 Q3: What is X?``."""
    text = undecorated(text, trailing=False)
    labelled = question_label(text)
    if labelled is not None:
        return labelled
    match = _QUESTION_NUMBER.match(text)
    if match is None:
        return text.strip()
    rest = text[match.end() :].strip()
    labelled = question_label(rest)
    return labelled if labelled else rest


def _without_trailing_marks(text: str) -> str:
    end = len(text)
    while end and (text[end - 1] in "*_ \t" or unicodedata.category(text[end - 1]) in _MARKS):
        end -= 1
    return text[:end]


def unquote(text: str) -> str:
    """``Explain X.`` from ``"Explain X."``: a one-line question in quotes."""
    if "\n" not in text and len(text) > 2 and (text[0], text[-1]) in _QUOTES:
        return text[1:-1].strip()
    return text


def without_tags(text: str) -> str:
    """Inline text without HTML tags: ``Contributing <a id="c"></a>`` reads ``Contributing``."""
    return " ".join(_TAGS.sub("", text).split()) if "<" in text else text


def is_marked(text: str) -> bool:
    """Whether ``text`` opens with a question number or a ``Q.``/``Question:`` label."""
    return is_numbered(text) or question_label(undecorated(text, trailing=False)) is not None


def is_numbered(text: str) -> bool:
    """Whether ``text`` starts with a question number (``3.``, ``Q3:``, ``Question 3.``)."""
    return _QUESTION_NUMBER.match(undecorated(text, trailing=False)) is not None


def numbered_task(text: str) -> bool:
    """A numbered coding exercise: ``1. Write a function to reverse a string``,
    ``2) Implement a trie`` (a numbered "Create …" or "Install …" is a tutorial's step)."""
    if not is_numbered(text):
        return False
    word = _FIRST_WORD.match(strip_question_number(text))
    return word is not None and word.group(1).casefold() in _TASK_VERBS


def looks_like_question(text: str) -> bool:
    """Ends with ``?``, starts with a question word, or carries a ``Q``/``Question`` label."""
    if question_label(text) is not None:
        return True
    bare = _without_trailing_marks(strip_question_number(text))
    if bare.endswith("?"):
        return True
    # One word ("Summary", "Do's") names a topic; it asks nothing without a "?".
    word = _FIRST_WORD.match(bare)
    return (
        word is not None and word.group(1).casefold() in _QUESTION_WORDS and len(bare.split()) > 1
    )


def asks_outright(text: str) -> bool:
    """Ends with ``?`` or carries a ``Q``/``Question`` label: a question even inside an
    answer, where "**What runs on one thread**" or "### Why It Exists" only titles a part."""
    if question_label(text) is not None:
        return True
    return _without_trailing_marks(strip_question_number(text)).endswith("?")


def section_number(title: str) -> tuple[int | None, str]:
    """``(3, "Forms")`` from ``3. Forms``; ``(None, title)`` without a leading number."""
    match = _SECTION_NUMBER.fullmatch(title.strip())
    if not match:
        return None, title.strip()
    return int(match.group(1)), match.group(2).strip()


def is_resources_title(title: str) -> bool:
    return bool(_RESOURCES.fullmatch(title.strip()))
