"""Read an actor phrase: a country or organisation word, role words and a name, on a date.

"Iraqi Prime Minister Adel Abdul Mahdi" -> (Iraq) (prime minister) (Adel Abdul Mahdi);
"Iran's top leader" -> (Iran) top (leader); "the president of Iran" -> (president) of (Iran).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from irwatch.actors.geography import geographic_phrase
from irwatch.actors.names import key
from irwatch.actors.tables import Person
from irwatch.actors.words import (
    AFFIXES,
    CONTINENTS,
    FORMER,
    INSTITUTIONAL,
    LINKS,
    NON_STATE,
    OFFICE_TITLES,
    OPENERS,
    ORGANISATION_HEADS,
    REGION_WORDS,
    SPONSORS,
    TITLES,
    UNKNOWN_OPENERS,
    WORDS,
)
from irwatch.records import Actor

if TYPE_CHECKING:
    from irwatch.actors.kb import KnowledgeBase

Token = tuple[str, bool, bool]  # key, capitalised, possessive


@dataclass(frozen=True, slots=True)
class Role:
    """A role word: its sector and whether a person ("president") or a body ("army") holds it."""

    word: str
    sector: str
    kind: str


def _fixed(kb: KnowledgeBase, k: tuple[str, ...], day: str | None = None) -> Actor | None:
    """The one state, place or organisation that ``k`` names (on ``day``), if any."""
    dated = kb.on_day(k, day) if day and k in kb.periods else None
    found = dated or [e for e in kb.names.get(k, ()) if isinstance(e, Actor)]
    if found and all(a.country == found[0].country for a in found):
        return found[0]
    return None


def _ends_in_role(kb: KnowledgeBase, keys: list[str]) -> bool:
    roles, end = _roles(kb, keys)
    return bool(roles) and end == len(keys)


def _country_of_person(kb: KnowledgeBase, k: tuple[str, ...], day: str) -> Actor | None:
    """The state of the one person ``k`` names, for "Assad's forces", "Putin's government"."""
    people = _people(kb, k)
    countries = {a.country for a in _person_actors(kb, people, day)}
    if len(countries) == 1:
        country = countries.pop()
        return kb.states.get(country) if country else None
    return None


def _people(kb: KnowledgeBase, k: tuple[str, ...]) -> list[Person]:
    return [e for e in kb.entries(k) if isinstance(e, Person)]


def _roles(kb: KnowledgeBase, keys: list[str]) -> tuple[list[tuple[int, int, Role]], int]:
    """Role words found left to right (longest first), and where the words after them start."""
    found: list[tuple[int, int, Role]] = []
    i, end = 0, 0
    low = [k.lower() for k in keys]
    firsts = kb.role_firsts
    while i < len(low):
        if low[i] not in firsts:  # no role starts with this word
            i += 1
            continue
        for n in range(min(kb.max_role, len(low) - i), 0, -1):
            role = kb.roles.get(tuple(low[i : i + n]))
            if role is not None:
                found.append((i, i + n, role))
                i += n
                end = i
                break
        else:
            i += 1
    if end < len(low):  # a generic agent of the field's dictionary ends it: "Russian bombers"
        for i in range(end, len(low)):
            role = kb.agents.get(tuple(low[i:])) if low[i] in kb.agent_firsts else None
            if role is not None:
                found.append((i, len(low), role))
                end = len(low)
                break
    return found, end


#: Sectors of groups outside a state's authorities whose commanders, leaders and spokesmen
#: stay theirs ("a Hamas commander" PSE REB, "a rebel spokesman", "the opposition leader").
OUTSIDE_GROUPS = frozenset({"REB", "OPP"})
#: Sectors a role word gives its holder that such a group's holder does not take ("commander"
#: MIL, "spokesman" GOV).
_OFFICES = frozenset({"MIL", "GOV"})


def led_by_group(role: Role, group: str | None) -> Role:
    """``role`` held in a group of sector ``group``: a rebel or opposition group's commander or
    spokesman is the group's ("a militant commander" REB, not the army's), else ``role``."""
    if group in OUTSIDE_GROUPS and role.sector in _OFFICES:
        return Role(role.word, group, role.kind)
    return role


def _sector(base: Actor | None, roles: list[Role]) -> tuple[str, Role]:
    """The most specific sector: the first that is not GOV ("police officer" COP), else GOV;
    a rebel or opposition group's own ("a Hamas commander" REB)."""
    if base is not None and base.sector in OUTSIDE_GROUPS:
        roles = [led_by_group(r, base.sector) for r in roles]
    for r in roles:
        if r.sector != "GOV":
            return r.sector, r
    if base is not None and base.sector:
        return base.sector, roles[0]
    return roles[0].sector, roles[0]


def _compose(base: Actor, roles: list[Role], words: str) -> Actor:
    if (
        base.country is None
    ):  # an organisation or group keeps its own code: "Islamic State fighters"
        return base
    sector, _ = _sector(base, roles)
    code = base.country + sector
    kind: Any = (
        "person" if roles[-1].kind == "person" else ("group" if sector in NON_STATE else "state")
    )
    return Actor(code, f"{base.name} {words}", kind, base.country, sector, code, words)


def _person_actors(kb: KnowledgeBase, people: list[Person], day: str) -> list[Actor]:
    from irwatch.actors.kb import person_at

    actors = [person_at(p, day) for p in people]
    return sorted(actors, key=lambda a: a.sector is None)  # in office first


def _name_fits(
    kb: KnowledgeBase, toks: list[Token], lo: int, at: int, people: list[Person]
) -> bool:
    """Whether ``toks[at:]`` may name one of ``people``: written with a capital when the text
    has capitals ("the store" is not Mr Støre), and not after another given name ("Haj Ismail"
    is not Sherif Ismail; "Moammar Gadhafi" is Muammar Gaddafi)."""
    if not people:
        return True
    if any(t[1] for t in toks) and not any(t[1] for t in toks[at:]):
        return False
    k = at
    while k > lo and toks[k - 1][1] and not toks[k - 1][2]:
        word = toks[k - 1][0]
        if word.lower() in kb.role_words or word.lower() in TITLES:
            break
        k -= 1
    if k == at:
        return True
    given = [_ascii(t[0]) for t in toks[k:at]]
    known = {_ascii(w) for p in people for n in (p.name, *p.aliases) for w in WORDS.split(n) if w}
    return any(_same_name(given[0], w) for w in known)


def _pick_shared(
    kb: KnowledgeBase,
    actors: list[Actor],
    roles: list[Role],
    rest: list[str],
    s: int,
    day: str,
    base: Actor | None = None,
) -> list[Actor]:
    """The one of several people sharing the surname ``rest[s:]`` that the evidence picks: the
    holder on ``day`` of the office a role word or title before it names ("Senator Reid", "Sen.
    Collins", "Home Secretary Reid") or of an office of its sector ("Minister Reid"), else the one
    in office; a country word before it (``base``) keeps those of its country ("Britain's
    Reid"). Someone out of office is no one's pick: a common surname ("Miller") names as often
    someone we do not know. [] when the evidence picks no one or several ("Singh" in 2005)."""
    kb.touched_periods = True  # the answer depends on the date: cached by date
    offices = roles + [
        kb.roles.get((OFFICE_TITLES[w],)) or Role(OFFICE_TITLES[w], "", "person")
        for w in (w.lower() for w in rest[:s])
        if w in OFFICE_TITLES
    ]
    if base is not None and base.country:
        actors = [a for a in actors if a.country == base.country]
    picked = [a for a in actors if a.sector]
    if offices:
        words = [f" {r.word} " for r in offices]
        titled = [
            a
            for a in picked
            if any(
                o.role and any(w in f" {o.role.lower()} " for w in words)
                for o in kb.people[a.id].offices
                if (o.start or "") <= day and (o.end is None or day <= o.end)
            )
        ]
        sectors = {r.sector for r in offices}
        picked = titled or [a for a in picked if a.sector in sectors] or picked
    return picked if len(picked) == 1 else []


def _by_given_names(
    kb: KnowledgeBase, toks: list[Token], lo: int, at: int, people: list[Person]
) -> list[Person]:
    """Those of ``people`` sharing the surname ``toks[at:]`` whose names hold every word written
    between it and the titles or role words before it, or its initial: "N. Dharam Singh" is none
    of the Singhs, "Joaquim Batista da Silva" not Lula da Silva. A title or a small word after a
    name is part of a longer name ("Khalid Sheikh Mohammed"); a saint's name is no one's."""
    given = []
    k = at
    while k > lo:
        t = toks[k - 1]
        word = t[0].lower()
        if word in ("st", "saint"):
            return []  # "St. Paul" is a city
        if t[2] or word in kb.role_parts or word in OFFICE_TITLES:
            break
        prev = toks[k - 2] if k - 2 >= lo else None
        named = (
            prev is not None
            and prev[1]
            and not prev[2]
            and prev[0].lower() not in kb.role_parts
            and prev[0].lower() not in TITLES
        )
        if (word in TITLES or not t[1]) and not named:
            break  # "Mr Reid", "embattled Reid"
        given.append(_ascii(word))
        k -= 1
    if not given:
        return people
    out = []
    for p in people:
        known = {_ascii(w) for n in (p.name, *p.aliases) for w in WORDS.split(n) if w}
        if all(g in known or (len(g) == 1 and any(w[0] == g for w in known)) for g in given):
            out.append(p)
    return out


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one given name: Moammar/Muammar, Sergei/Sergey; an initial its name."""
    if not a or not b:
        return False
    if len(a) <= 2:  # "G. W. Bush": an initial of the name
        return a[0] == b[0]
    if len(b) <= 2:  # the middle initial of "Kamala D. Harris" is not David
        return False
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def _join_names(kb: KnowledgeBase, toks: list[Token]) -> list[Token]:
    """The tokens with the possessives inside known names cleared: "People's" of "China's
    People's Liberation Army" is part of a name, not a possessor that ends the phrase."""
    out = toks
    for i, t in enumerate(toks[:-1]):
        names = kb.possessive_names.get(t[0]) if t[2] else None
        for name in names or ():
            for p in (p for p, w in enumerate(name[:-1]) if w == t[0]):
                a = i - p
                if a >= 0 and tuple(w[0] for w in toks[a : a + len(name)]) == name:
                    if out is toks:
                        out = list(toks)
                    out[i] = (t[0], t[1], False)
    return out


def analyse(
    kb: KnowledgeBase, toks: list[Token], day: str, strict: bool | None = None
) -> list[Actor]:
    """The actors an actor phrase may name on ``day``, best first; [] when it names none.

    ``strict``: names must be written with a capital, as they are in running text ("the
    Franco-German plan" is no PLAN); by default when the phrase has any capital at all.
    """
    if strict is None:
        strict = any(t[1] for t in toks)
    if kb.possessive_names and any(t[2] for t in toks[:-1]):
        toks = _join_names(kb, toks)

    def cap(i: int, j: int) -> bool:
        return not strict or any(t[1] for t in toks[i:j])

    former = definite = False
    while toks and (toks[0][0].lower() in OPENERS or toks[0][0] in FORMER):
        former = former or toks[0][0] in FORMER
        definite = definite or toks[0][0].lower() == "the"
        toks = toks[1:]
    if not toks or toks[0][0] in UNKNOWN_OPENERS:
        return []  # "ethnic Albanians" in Macedonia are not Albania
    keys = [t[0] for t in toks]
    whole = tuple(keys)
    entries = kb.entries(whole) if cap(0, len(toks)) else []
    if whole in kb.periods and cap(0, len(toks)):
        entries = list(kb.on_day(whole, day) or entries)  # "Juba" in 1990 is Sudan's
    if entries and (
        (definite and not former and whole not in kb.definite_people)
        or not _name_fits(kb, toks, 0, 0, [e for e in entries if isinstance(e, Person)])
    ):
        # "The Hague" is a place, not William Hague: no one is "the" + their bare name.
        entries = [e for e in entries if isinstance(e, Actor)]
    if entries and whole in kb.shared:  # "Reid": only the people, the one the date picks
        people = [e for e in entries if isinstance(e, Person)]
        entries = [a for a in _pick_shared(kb, _person_actors(kb, people, day), [], keys, 0, day)]
    if (
        not entries
        and len(keys) > 1
        and (keys[0].lower() in kb.features or keys[-1].lower() in kb.features)
        and geographic_phrase(
            kb.features, [(k.lower(), t[1]) for k, t in zip(keys, toks, strict=True)]
        )
    ):
        return []  # "the South China Sea", "Gulf of Mexico", "Lake Chad": places, no actors
    if entries:
        out: list[Actor] = [e for e in entries if isinstance(e, Actor)]
        out += _person_actors(kb, [e for e in entries if isinstance(e, Person)], day)
        if former:
            out = [a for a in out if a.kind != "person"] + [
                _out_of_office(a) for a in out if a.kind == "person"
            ]
        return out
    # Else an inner possessive ends the phrase: "Trump's decision" is not an actor.
    if any(t[2] for t in toks[:-1]):
        cut = next(i for i, t in enumerate(toks) if t[2])
        base_key = tuple(t[0] for t in toks[: cut + 1])
        if _fixed(kb, base_key, day) is None and not kb.entries(base_key):
            return []
    # "the president of Iran", "Minister of Foreign Affairs of Iraq"
    if "of" in keys[1:-1]:
        at = len(keys) - 1 - keys[::-1].index("of")
        base = _fixed(kb, tuple(k for k in keys[at + 1 :] if k != "the"), day)
        if base is not None and cap(at + 1, len(toks)):
            roles, end = _roles(kb, keys[:at])
            # "King Hassan of Morocco": a name may follow the role; "the invasion of Iraq" is
            # done to Iraq, not by it (an action's "of" names its target)
            if (
                roles
                and roles[0][0] == 0
                and all(t[1] for t in toks[end:at])
                and all(r.kind != "action" for _, _, r in roles)
            ):
                words = " ".join(keys[: roles[-1][1]])
                return [_compose(base, [r for _, _, r in roles], words)]
    # A country or organisation word first: the longest that names one.
    base, start = None, 0
    for j in range(len(keys) - 1, 0, -1):
        if toks[j - 1][2] or not any(t[2] for t in toks[: j - 1]):
            found = _fixed(kb, tuple(keys[:j]), day) if cap(0, j) else None
            if found is None and cap(0, j) and (toks[j - 1][2] or _ends_in_role(kb, keys[j:])):
                # "Assad's forces", "the Trump administration"
                found = _country_of_person(kb, tuple(keys[:j]), day)
            if found is not None:
                base, start = found, j
                break
    if any(t[2] for t in toks[start:-1]):
        return []
    rest = keys[start:]
    if base is not None and len(rest) > 1 and rest[0] == "and" and base.country:
        # "Iranian and Israeli citizens": both, each with the role.
        other = analyse(kb, toks[start + 1 :], day, strict)
        o = other[0] if other else None
        if o is not None and o.country and o.country != base.country and o.role:
            role = kb.roles.get(key(o.role.lower())) or Role(o.role, o.sector or "", o.kind)
            return [_compose(base, [role], o.role), o]
    if base is not None and rest and rest[0] in SPONSORS:
        return []  # "Iranian-backed (militias)" are not Iran's: the sponsor is not the actor
    if base is not None and all(k in AFFIXES for k in rest):
        return [base]  # "U.S.-led"
    # A known person named last: "Iraqi Prime Minister Adel Abdul Mahdi", "Ayatollah Ali Khamenei".
    for s in range(len(rest)):
        if definite and s == 0 and base is None and not former:
            continue  # "the Hague": see above
        name = tuple(rest[s:])
        people = _people(kb, name)
        guarded = not people and name in kb.guarded
        if guarded and (
            base is not None
            or any(k.lower() in TITLES or k.lower() in kb.role_words for k in rest[:s])
        ):
            # A surname that is also a common word or given name ("Graham") needs evidence
            # before it: a title or role ("Mr Graham", "Foreign Minister Graham"), a country word.
            people = list(kb.guarded[name])
        if people and name in kb.shared:
            people = _by_given_names(kb, toks, start, start + s, people)
        if people and _name_fits(kb, toks, start, start + s, people):
            actors = _person_actors(kb, people, day)
            if base is not None and guarded:
                actors = [a for a in actors if a.country == base.country]
                if not actors:
                    continue
            if base is not None and len(actors) > 1:  # "Jordan's King Abdullah"
                actors = [a for a in actors if a.country == base.country] or actors
            roles, end = _roles(kb, rest[:s])
            if name in kb.shared:
                offices = [r for _, _, r in roles]
                actors = _pick_shared(kb, actors, offices, rest, s, day, base)
                if not actors:
                    continue
            if former:
                return [_out_of_office(a) for a in actors]
            if roles and actors[0].sector is None and base is not None and base.country:
                # The text names an office our tables do not record: trust the text.
                role_words = " ".join(rest[roles[0][0] : end])
                composed = _compose(base, [r for _, _, r in roles], role_words)
                a = actors[0]
                return [
                    Actor(
                        a.id,
                        a.name,
                        "person",
                        composed.country,
                        composed.sector,
                        composed.code,
                        role_words,
                    )
                ]
            return actors
    # An organisation of that country after it: "the U.S. State Department", "Colombia's FARC",
    # "Somali militants al-Shabaab".
    if base is not None:
        for s in range(len(rest)):
            org = _fixed(kb, tuple(rest[s:]), day) if cap(start + s, len(toks)) else None
            if (
                org is not None
                and org.country is None
                and base.kind == "state"
                and s == 0
                and (org.code or "").startswith("IGO")
                and _roles(kb, rest)[1] == len(rest)
            ):
                # "the Israeli Security Council", "Russia's Security Council": the state's
                # body of that name, when a role reads it ("security council"), not the UN's
                continue
            if org is not None and org.country in (None, base.country) and org != base:
                roles, end = _roles(kb, rest[:s])
                if s == 0 or end == s:
                    return [org]
    if base is None:
        return _after_modifiers(kb, toks, day, former, strict, definite)
    roles, end = _roles(kb, rest)
    if not roles:
        return []
    # Capitalised words we do not know before "Coalition", "Movement", "Union"...: the name of
    # an organisation we do not know ("the American Manufacturing Trade Coalition"), not the
    # state's coalition ("Nicaragua's Sandinista government", "Indonesian Environmental
    # Ministry", "Nigerian Housing Minister" are the state's).
    named_body = toks[start + roles[0][0]][1] and rest[roles[0][0]].lower() in ORGANISATION_HEADS
    for i in range(roles[0][0] if named_body else 0):
        if toks[start + i][1] and rest[i].lower() not in kb.role_parts:
            named = _fixed(kb, (rest[i],), day)  # "Sudan's Khartoum government" is Sudan's
            if named is None or (named.kind == "state" and named.country != base.country):
                return []
    # After the last role word only a name may follow ("Guyanese police officer John Smith").
    if not all(t[1] for t in toks[start + end :]):
        return []
    if former and toks[start + end :]:
        return []
    words = " ".join(rest[roles[0][0] : end])
    return [_compose(base, [r for _, _, r in roles], words)]


def region_of_adjective(kb: KnowledgeBase, toks: list[Token]) -> bool:
    """Whether a region word before ``toks`` makes a region's name of them: "South American",
    "Latin America" (a continent), unlike "South Lebanon", "northern Iraq" (the state's)."""
    for n in (3, 2, 1):
        k = tuple(t[0] for t in toks[:n])
        if len(k) == n and (k in kb.adjectives or k in CONTINENTS):
            return True
    return False


def _after_modifiers(
    kb: KnowledgeBase, toks: list[Token], day: str, former: bool, strict: bool, definite: bool
) -> list[Actor]:
    """ "Three US servicemen", "Radical French farmers", "senior Iraqi officials": numbers and
    adjectives may come before the country word; a role word there keeps its sector
    ("opposition Iraqi lawmakers" OPP, "official Syrian newspaper" JRN). A capital after "the"
    or inside the phrase starts a name ("the Independent Democrats Movement"), and a region word
    makes the country word part of a region's name ("South American", "Latin American")."""
    k, before = 0, []
    while k < len(toks) - 1:
        word = toks[k][0].lower()
        if word in LINKS or (word in REGION_WORDS and region_of_adjective(kb, toks[k + 1 :])):
            return []
        if toks[k][1] and (k > 0 or definite) and word not in INSTITUTIONAL and "-" not in word:
            return []
        role = kb.roles.get((word,))
        if role is not None:
            before.append(role)
        k += 1
        heads = (tuple(t[0] for t in toks[k : k + n]) for n in (1, 2, 3))
        if toks[k][2] or ((toks[k][1] or not strict) and any(_fixed(kb, h, day) for h in heads)):
            break
    else:
        return []
    found = analyse(kb, toks[k:], day, strict)
    head = found[0].role if len(found) == 1 and found[0].id == found[0].code else None
    if before and head:
        state = kb.states.get(found[0].country or "")
        role = kb.roles.get(key(head.lower()))
        if state is not None and role is not None:
            words = " ".join([r.word for r in before] + [head])
            found = [_compose(state, [*before, role], words)]
    elif before and not (found and found[0].role):
        return []  # "opposition Iraqi" alone: the role word needs its own head
    return [_out_of_office(a) for a in found] if former else found


def _out_of_office(a: Actor) -> Actor:
    return Actor(a.id, a.name, "person", a.country, None, a.country or "")
