"""The second reading of a document: what its context says about the phrases that name no one.

Generic agents, country nouns, ambiguous names, pronouns and names in apposition to a role, read
after the names with :class:`irwatch.actors.context.Context` (see that module).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from irwatch.actors.context import (
    _NGO_SECTORS,
    _PRONOUNS,
    _REACH,
    Context,
    actor_in,
    generic_role,
    of_no_state,
)
from irwatch.actors.names import Key, key
from irwatch.actors.surnames import by_date as surnames_by_date
from irwatch.actors.surnames import conflicts
from irwatch.actors.surnames import in_context as surname_in_context
from irwatch.actors.words import in_sorted
from irwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from irwatch.actors.doc_words import DocWords
    from irwatch.actors.kb import KnowledgeBase
    from irwatch.actors.resolver import Mention


#: Agents' words that, before another noun, name the agent ("a rebel attack", "opposition
#: claims", "a police raid", "a government crackdown", "an army offensive").
_MODIFYING_AGENTS = frozenset(
    {"rebel", "opposition", "police", "government", "army", "military", "militant", "insurgent"}
    | {"separatist", "junta", "regime"}
)

#: Nouns that such a word makes the agent's: its acts and words ("a rebel attack", "opposition
#: claims") and what it holds ("government buildings", "a military convoy"); not "government
#: spending", "police custody" or "a military coup".
_WHAT_AGENTS_HAVE = frozenset(
    {"attack", "assault", "raid", "offensive", "crackdown", "operation", "ambush", "bombing"}
    | {"shelling", "incursion", "claim", "demand", "call", "proposal", "plan", "ultimatum"}
    | {"accusation", "allegation", "threat", "protest", "headquarters", "building", "target"}
    | {"convoy", "base", "position", "post", "checkpoint", "station", "office", "compound"}
    | {"stronghold", "camp", "patrol", "vehicle", "helicopter", "aircraft", "jet"}
)


def read_in_context(
    kb: KnowledgeBase,
    w: DocWords,
    found: list[Mention],
    taken: set[int],
    chunks: set[tuple[int, int]],
    *,
    day: str,
) -> list[Mention]:
    """``found`` with the ambiguous names and shared surnames read by their context, and the
    generic agents, country nouns, pronouns and surnames that the context resolves added."""
    import numpy as np
    from spacy.attrs import LOWER, TAG

    from irwatch.actors.resolver import Mention

    doc = w.doc
    lower, tag = w.ids(LOWER), w.ids(TAG)  # hashes: no Token objects for the whole document
    hashes = _hashes(kb, doc)
    is_word = in_sorted(lower, hashes["words"]).tolist()
    person = np.concatenate(([0], np.cumsum(in_sorted(lower, hashes["people"]))))
    names = np.concatenate(([0], np.cumsum(in_sorted(lower, hashes["names"]))))
    ambiguous = {i for i, m in enumerate(found) if _ambiguous_key(kb, doc, m) is not None}
    surnames = np.concatenate(([0], np.cumsum(in_sorted(lower, hashes["surnames"]))))
    dated = surnames_by_date(
        kb, found, [i for i, m in enumerate(found) if surnames[m.end] > surnames[m.start]]
    )
    pieces = set(chunks)
    possessives = set(np.flatnonzero(tag == hashes["POS"]).tolist())
    for s, e in chunks:  # "the government's decision": the possessor is a phrase of its own
        for i in range(s + 1, e):
            if i in possessives:
                left = doc[i - 1].left_edge.i
                pieces.add((left if left >= s else s, i))
                pieces.add((i + 1, e))  # "Labour" of "Britain's Labour"
    for s, e in chunks:
        # "a rebel attack", "opposition claims", "a police raid": an agent's word before a noun
        # that names no one is a phrase of its own (not "the rebel leader": a person)
        if is_word[e - 1]:
            continue
        for i in range(s, e - 1):
            if not is_word[i]:
                continue  # (no Token made for the words that are no agent's)
            t = doc[i]
            if (
                t.dep_ in ("compound", "amod")
                and t.head.i == e - 1
                and t.lower_ in _MODIFYING_AGENTS
                and t.head.lemma_.lower() in _WHAT_AGENTS_HAVE
                and not (i > 0 and doc[i - 1].lower_ in ("-", "anti", "pro"))
            ):
                pieces.add((i, i + 1))
    for i in np.flatnonzero(lower == hashes["old"]).tolist():  # "the 70-year-old" is no noun
        if i >= 2 and int(lower[i - 2]) in hashes["year"]:  # chunk for the parser
            left = doc[i].left_edge.i
            left -= 1 if left > 0 and doc[left - 1].lower_ == "the" else 0
            pieces.add((left, i + 1))
    candidates = [
        (s, e)
        for s, e in sorted(pieces)
        # the word that makes a phrase an agent, a name or a person is its last
        if s < e and is_word[e - 1] and taken.isdisjoint(range(s, e))
    ]
    titled = _titled_names(w, chunks, taken, is_word)
    out = list(found)
    if not candidates and not ambiguous and not dated and not titled:
        return _with_appositions(w, out, [], taken)
    unread = ambiguous | dated  # read by the context: no evidence of it yet
    context = Context(w, kb, [m for i, m in enumerate(found) if i not in unread])
    for i in ambiguous:
        m = found[i]
        readings = kb.ambiguous[_ambiguous_key(kb, doc, m) or ()]
        a = m.actors[0]
        country = context.country(m.start, m.end, a.sector)
        sector = readings.get(country or "") or readings.get("*")
        if country and country != a.country and sector and country in kb.states:
            if a.sector and a.sector not in readings.values():
                sector = a.sector  # "the leader of the Democratic Party": its own sector
            state = kb.states[country]
            out[i] = Mention(
                m.start,
                m.end,
                m.text,
                (
                    Actor(
                        country + sector,
                        f"{state.name} ({m.text})",
                        a.kind,
                        country,
                        sector,
                        country + sector,
                        a.role or sector,
                    ),
                ),
            )
    # "Reid" in 2008 beside the Home Office: Harry Reid by the date, John Reid by the context
    out = [m for i, m in enumerate(out) if i not in dated or not conflicts(context, m)]
    added: list[Mention] = []
    for s, e in candidates:
        if not taken.isdisjoint(range(s, e)):
            continue
        if w.text[e - 1] in _SHORT_FORMS and e - s >= 2 and w.lower[e - 2] == "the":
            # "the Union" after "the European Union", "the Council" after "the UN Security
            # Council": the body named before; with none, no trade union or council we know
            before = _short_form(out + added, w.text[e - 1], s)
            if before is not None:
                taken.update(range(s, e))
                added.append(Mention(s, e, w.span_text(s, e), before.actors))
            continue
        at, role = generic_role(kb, w, s, e, context.starts)
        named = _ambiguous_name(kb, doc, s, e) if names[e] > names[s] else None
        shared = None
        if named is None and surnames[e] > surnames[s]:
            shared = surname_in_context(kb, context, w.span_text(s, e), s, e, day)
        actor: Actor | None
        if shared is not None:
            actor = shared
        elif named is not None:
            country = context.country(s, e, None)
            sector = kb.ambiguous[named].get(country or "") or kb.ambiguous[named].get("*")
            if country is None or sector is None or country not in kb.states:
                continue
            state = kb.states[country]
            code = country + sector
            actor = Actor(
                code, f"{state.name} ({w.span_text(s, e)})", "organisation", country, sector, code
            )
        elif role is not None:
            phrase = " ".join(w.lower[i] for i in range(at, e) if not w.punct[i])
            country = (
                None
                if of_no_state(role, phrase.split())
                else (context.named_before(s) if role.kind == "state" else None)
                or _american_party(w, s, e, context)
                or context.country(s, e, role.sector or None)
            )
            if (country is None or country not in kb.states) and role.sector in _NGO_SECTORS:
                # "human rights groups" of no one state: non-governmental, as CAMEO codes them
                code = "NGO" + role.sector if role.sector != "NGO" else "NGO"
                actor = Actor(code, phrase, "organisation", None, role.sector, code)
            elif country is None or country not in kb.states:
                continue
            else:
                actor = actor_in(kb, country, role, phrase)
        elif person[e] > person[s]:
            actor = _antecedent(doc, s, e, out + added, context)
            if actor is None:
                continue
        else:
            continue
        taken.update(range(s, e))
        added.append(Mention(s, e, w.span_text(s, e), (actor,)))
    added += _read_titled(kb, w, context, titled, out + added, taken)
    return _with_appositions(w, out, added, taken)


def _read_titled(
    kb: KnowledgeBase,
    w: DocWords,
    context: Context,
    titled: list[tuple[int, int, int, int]],
    found: list[Mention],
    taken: set[int],
) -> list[Mention]:
    """The mentions of people we do not know by name whom a role beside the name places as a
    generic agent would be ("the journalist Jamal Khashoggi", "opposition leader Juan Perez",
    "Juan Perez, a journalist,"), with their later mentions by name (see ``_titled_names``)."""
    from irwatch.actors.resolver import Mention

    added: list[Mention] = []
    for rs, re_, ns, ne in titled:
        if not taken.isdisjoint(range(ns, ne)):
            continue
        name = w.span_text(ns, ne)
        if not taken.isdisjoint(range(rs, re_)):
            # the role was read already ("Juan Perez, a Kenyan journalist,"): its holder
            held = [m for m in found + added if m.start <= rs and re_ <= m.end]
            if len(held) != 1 or len(held[0].actors) != 1 or held[0].actors[0].id in kb.people:
                continue  # (not someone we know: "Putin, Russia's president,")
            holder = held[0].actors[0]
            if not holder.sector or holder.country is None:
                continue
            actor = dataclasses.replace(holder, name=name, kind="person")
            taken.update(range(ns, ne))
            added.append(Mention(ns, ne, name, (actor,)))
        else:
            at, role = generic_role(kb, w, rs, re_, context.starts, titled=True)
            if role is None or role.kind == "state" or of_no_state(role, w.lower[rs:re_]):
                continue
            country = context.country(rs, re_, role.sector or None, placed=False)
            if country is None or country not in kb.states:
                continue
            phrase = " ".join(w.lower[i] for i in range(at, re_) if not w.punct[i])
            holder = actor_in(kb, country, role, phrase)
            actor = dataclasses.replace(holder, name=name, kind="person", role=phrase)
            s, e = min(rs, ns), max(re_, ne)
            taken.update(range(s, e))
            added.append(Mention(s, e, w.span_text(s, e), (actor,)))
        covered = {i for m in found + added for i in range(m.start, m.end)}
        added += _named_again(w, ns, ne, actor, taken, covered)
    return added


#: The two parties of the United States as the capitalised word before their people
#: ("Republican lawmakers", "Democratic senators").
_AMERICAN_PARTIES = frozenset({"Republican", "Democratic", "Democrat"})


def _american_party(w: DocWords, s: int, e: int, context: Context) -> str | None:
    """ "USA" for a generic agent led by the name of an American party ("Republican lawmakers
    criticised the deal") in a document that names the United States: the name outweighs the
    sentence's other state (Iran); elsewhere the context says whose party it is."""
    if not any(w.text[i] in _AMERICAN_PARTIES for i in range(s, e - 1)):
        return None
    named = any(ev.country == "USA" for sent in context.evidence for ev in sent)
    return "USA" if named else None


def _named_again(
    w: DocWords, j: int, e: int, actor: Actor, taken: set[int], covered: set[int]
) -> list[Mention]:
    """The later mentions of the person named ``w[j:e]`` (after a role) by their surname or full
    name alone, no one else's ("the journalist Jamal Khashoggi ... Khashoggi's fiancee"); also
    where the knowledge base's namesake was set aside (``taken`` but not ``covered`` by a
    mention: "the journalist Juan Perez ... Perez", not Carlos Andrés Pérez)."""
    from irwatch.actors.resolver import Mention

    full = [w.text[i] for i in range(j, e)]
    out = []
    i = e
    while i < len(w):
        n = len(full) if w.text[i : i + len(full)] == full else 1
        if w.text[i] == full[-1] or n > 1:
            s = i
            end = i + n
            alone = (s == 0 or w.pos[s - 1] != "PROPN") and (end >= len(w) or w.pos[end] != "PROPN")
            if alone and covered.isdisjoint(range(s, end)):
                taken.update(range(s, end))
                out.append(Mention(s, end, w.span_text(s, end), (actor,)))
            i = end
            continue
        i += 1
    return out


def _titled_names(
    w: DocWords, chunks: set[tuple[int, int]], taken: set[int], is_word: list[bool]
) -> list[tuple[int, int, int, int]]:
    """Where a role and the name of a person no one has read stand together, as ``(role start,
    role end, name start, name end)``: a name right after a role word ("the journalist Jamal
    Khashoggi", also parsed as two phrases), or a role set off by commas after the name ("Juan
    Perez, a journalist,")."""

    def named(j: int, e: int) -> bool:
        return (
            0 < e - j <= 4
            and all(w.pos[i] == "PROPN" and w.text[i][:1].isupper() for i in range(j, e))
            and any(w.doc[i].ent_type_ == "PERSON" for i in range(j, e))
        )

    ends = {s: e for s, e in chunks}
    out = []
    for s, e in sorted(chunks):
        if is_word[e - 1] and (after := ends.get(e)) is not None:
            # parsed as two phrases: "the journalist" and "Juan Perez"
            if taken.isdisjoint(range(s, after)) and named(e, after):
                out.append((s, e, e, after))
            continue
        if named(s, e) and w.text[e : e + 1] == [","] and (r := ends.get(e + 1)) is not None:
            root = w.doc[w.root(e + 1, r)]
            if (
                is_word[r - 1]
                and w.lower[e + 1] in ("a", "an")
                and root.dep_ == "appos"
                and s <= root.head.i < e
                and not any(c.dep_ == "prep" for c in root.children)
            ):
                # "Juan Perez, a journalist,"; not "Luke Tryl, president of the Oxford Union",
                # whose role the words after it make another's, nor "Richie Sorilla, ICRC field
                # officer", a title of a body we may not know
                out.append((e + 1, r, s, e))
            continue
        if not taken.isdisjoint(range(s, e)):
            continue
        j = e
        while j > s and w.pos[j - 1] == "PROPN" and w.text[j - 1][:1].isupper():
            j -= 1
        if s < j and is_word[j - 1] and named(j, e):
            out.append((s, j, j, e))
    return out


#: Capitalised last words of bodies' names that stand for the body alone ("the Union").
_SHORT_FORMS = frozenset({"Union"})


def _short_form(found: list[Mention], word: str, s: int) -> Mention | None:
    """The last mention before token ``s`` of a body whose name ends in ``word`` ("the EU", the
    European Union, for "the Union"; not "the Soviet Union", which is a state's)."""
    bodies = [
        m
        for m in found
        if m.end <= s
        and any(
            a.kind != "state" and a.name.split()[-1:] == [word] and len(a.name.split()) > 1
            for a in m.actors
        )
    ]
    return max(bodies, key=lambda m: m.start, default=None)


_HASHES: dict[tuple[int, frozenset[str]], dict[str, Any]] = {}


def _hashes(kb: KnowledgeBase, doc: Doc) -> dict[str, Any]:
    """The vocabulary's ids of the words the context pass looks for (once per vocabulary; some,
    such as "POS", are spaCy symbols rather than hashes)."""
    import numpy as np

    k = (id(doc.vocab), kb.context_words)
    found = _HASHES.get(k)
    if found is None:
        ids = doc.vocab.strings
        found = _HASHES[k] = {
            "words": np.array(sorted({ids[w] for w in kb.context_words}), dtype=np.uint64),
            "POS": np.uint64(ids["POS"]),
            "old": np.uint64(ids["old"]),
            "year": {ids["year"], ids["years"]},
            "people": np.array(sorted({ids[w] for w in (*_PRONOUNS, "old")}), dtype=np.uint64),
            "names": np.array(
                sorted({ids[w.lower()] for k in kb.ambiguous for w in k}), dtype=np.uint64
            ),
            "surnames": np.array(sorted({ids[k[-1].lower()] for k in kb.shared}), dtype=np.uint64),
        }
    return found


def _with_appositions(
    w: DocWords, out: list[Mention], added: list[Mention], taken: set[int]
) -> list[Mention]:
    from irwatch.actors.resolver import Mention

    for m in out:
        named = _apposed_name(w, m, taken)
        if named is not None:
            taken.update(range(*named))
            added.append(Mention(named[0], named[1], w.span_text(*named), m.actors))
    return sorted(out + added, key=lambda m: m.start)


def _apposed_name(w: DocWords, m: Mention, taken: set[int]) -> tuple[int, int] | None:
    """The unknown name set off by commas after a role ("Trump's ambassador to the UN, Nikki
    Haley,"): it is the role's holder, whatever the parser made of it."""
    if len(m.actors) != 1 or m.actors[0].kind != "person" or not m.actors[0].sector:
        return None
    j = m.end
    limit = min(len(w), m.end + 6)
    while j < limit and w.text[j] != "," and not w.sent_end(j):
        j += 1
    if j >= limit or w.text[j] != ",":
        return None
    k = j + 1
    while k < len(w) and w.pos[k] == "PROPN" and k not in taken:
        k += 1
    if not 2 <= k - j - 1 <= 4 or k >= len(w) or w.text[k] != ",":
        return None
    return j + 1, k


def _ambiguous_key(kb: KnowledgeBase, doc: Doc, m: Mention) -> Key | None:
    """The ambiguous name inside mention ``m`` that gave it its one actor, if any."""
    if (
        len(m.actors) != 1
        or not kb.ambiguous
        or (m.actors[0].kind == "state" and not m.actors[0].sector)
    ):
        return None
    k = key(m.text)
    for n in range(len(k)):
        for j in range(len(k), n, -1):
            if k[n:j] in kb.ambiguous:
                # "the US Congress", "India's Congress party": the phrase names its country
                rest = [
                    t for t in doc[m.start : m.end] if key(t.text) and key(t.text)[0] not in k[n:j]
                ]
                if any(
                    t.text[:1].isupper()
                    and (a := kb.lookup(t.text)) is not None
                    and a.kind == "state"
                    and not a.sector
                    for t in rest
                ):
                    return None
                return k[n:j]
    return None


def _ambiguous_name(kb: KnowledgeBase, doc: Doc, s: int, e: int) -> Key | None:
    """The ambiguous name ("Labour") that tokens ``s:e`` are, written as a name."""
    toks = [t for t in doc[s:e] if not t.is_punct and t.lower_ != "the"]
    if not toks or not all(t.text[:1].isupper() for t in toks):
        return None
    k = key(" ".join(t.text for t in toks))
    return k if k in kb.ambiguous else None


def _antecedent(
    doc: Doc, s: int, e: int, mentions: list[Mention], context: Context
) -> Actor | None:
    """The one person a pronoun or "the 70-year-old" can take up within reach, else None.
    People the knowledge base does not know count too ("Bellecourt ... he"): then it is None."""
    words = [t.lower_ for t in doc[s:e] if not t.is_punct]
    if not (
        (len(words) == 1 and words[0] in _PRONOUNS)
        or (len(words) >= 2 and words[0] == "the" and "year" in words and "old" in words)
    ):
        return None
    n = context.sent_of[s]
    # (start, root, id, actor): named people in reach; a named person, not "the prisoners"
    # (id = code); unknown names have no actor
    people: list[tuple[int, Token, str, Actor | None]] = [
        (m.start, doc[m.start : m.end].root, a.id, a)
        for m in mentions
        if m.start < s and n - _REACH <= context.sent_of[m.start] <= n
        for a in m.actors
        if a.kind == "person" and a.id != a.code and len(m.actors) == 1
    ]
    known = [(m.start, m.end) for m in mentions]
    for start, _end, root, last in context.people:
        if (
            start < s
            and n - _REACH <= context.sent_of[start] <= n
            and not any(a <= start < b for a, b in known)
        ):
            people.append((start, doc[root], "?" + last, None))
    first = sorted(context.starts)[max(n - _REACH, 0)]
    for i in context.pronouns:  # "Bellecourt ... he visited Chávez. He burned ...": the "he"
        if first <= i < s and not any(a <= i < b for a, b in known):  # we could not resolve
            people.append((i, doc[i], f"?{i}", None))  # carries someone we do not know
    ids = {p[2] for p in people}
    if len(ids) == 1:
        return people[0][3]
    if len(ids) > 1 and doc[s].dep_ == "nsubj":
        # "Bush said that he would go": the subject of the clause around the pronoun; "May met
        # Trump. She said ...": the subject of the sentence before (when it is one person, not
        # "Netanyahu and Abbas")
        for back in (n, n - 1):
            subjects = {
                pid: actor
                for start, root, pid, actor in people
                if context.sent_of[start] == back
                and root.dep_ == "nsubj"
                and not any(c.dep_ == "conj" for c in root.children)
            }
            if len(subjects) == 1:
                return next(iter(subjects.values()))
            if subjects:
                return None
    return None
