"""The knowledge base: an index from normalised names to actors, with the dates their roles hold."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from irwatch.actors.names import Key, key, plural_forms, tokens
from irwatch.actors.phrases import Role, analyse
from irwatch.actors.tables import (
    BUILTIN_DIR,
    Office,
    Person,
    Tables,
    base_capitals,
    base_states,
    read_tables,
)
from irwatch.actors.words import NAME_PARTICLES, NON_STATE, TITLES
from irwatch.errors import KnowledgeBaseError, UsageError
from irwatch.records import Actor

Entry = Actor | Person
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CACHE_MAX = 200_000
_REGNAL = re.compile(r"\s[IVX]+$")
_KINDS = ("organisation", "group", "state", "person")
_PLAIN = re.compile(r"^(?!the )[a-z]+( [a-z]+)*$")


def normalise_date(date: str | None) -> str:
    """An ISO day for ``date`` (YYYY, YYYY-MM or YYYY-MM-DD; None means today)."""
    if date is None:
        return datetime.date.today().isoformat()
    date = date.strip()
    if not _DATE.match(date):
        raise UsageError("U002", value=date)
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]


def person_at(p: Person, day: str) -> Actor:
    """``p`` as the holder of the office valid on ``day``, or as a citizen out of office."""
    held = [o for o in p.offices if (o.start or "") <= day and (o.end is None or day <= o.end)]
    if held:
        o = max(held, key=lambda o: o.start or "")
        country = o.country if o.code else (o.country or p.country)
        code = o.code or f"{country or ''}{o.sector or ''}"
        return Actor(p.id, p.name, "person", country, o.sector, code, o.role, (o.start, o.end))
    if p.country is None:
        # A stateless person out of office keeps the code of the group they are known by
        # (al-Zawahiri before he led al-Qaeda: IMGMUSAQD), the nearest office in time.
        stateless = [o for o in p.offices if o.code and o.country is None]
        if stateless:
            near = min(stateless, key=lambda o: abs(_days(o.start or o.end or day) - _days(day)))
            return Actor(p.id, p.name, "person", None, None, near.code or "")
    return Actor(p.id, p.name, "person", p.country, None, p.country or "")


def _days(iso: str) -> int:
    return datetime.date.fromisoformat(iso[:10]).toordinal()


class KnowledgeBase:
    """States, places, organisations, people and role words, indexed by normalised name."""

    def __init__(self, tables: Iterable[Tables]) -> None:
        self.names: dict[Key, list[Entry]] = {}
        self.weak: dict[Key, list[Person]] = {}
        #: Surnames that are also common given names or words ("Graham"): a person only with
        #: more evidence (a title, a role, a country word, an earlier full mention).
        self.guarded: dict[Key, list[Person]] = {}
        #: Surnames several people share ("Reid"), filed with them in ``weak`` or ``guarded``:
        #: one of them when the date, a title or the document picks exactly one.
        self.shared: set[Key] = set()
        self.common_words: set[str] = set()
        #: Names of regions and towns converted from the Phoenix dictionaries: as a modifier of a
        #: common noun they name a thing ("Molotov cocktails"), not their state.
        self.regions: set[Key] = set()
        self.roles: dict[Key, Role] = {}
        self.states: dict[str, Actor] = {}
        self.people: dict[str, Person] = {}
        self.organisations: list[Actor] = []
        #: Names with a possessive inside ("People's Liberation Army"), by that possessive word.
        self.possessive_names: dict[str, set[Key]] = {}
        #: Geographic feature words and where they stand beside a name (features.csv).
        self.features: dict[str, str] = {}
        #: Keys of the states' adjectives and demonyms ("american", "north korean").
        self.adjectives: set[Key] = set()
        #: Nouns whose state adjective names no actor ("Greek debt"), from things.csv.
        self.things: set[str] = set()
        #: Names of seats of power ("Congress" USALEG): another country's word in the same
        #: phrase wins over them ("India's Congress party").
        self.seats: set[Key] = set()
        #: Keys of people's names written with "the" ("the Queen"): the article does not make
        #: them places, as it makes "The Hague" no William Hague.
        self.definite_people: set[Key] = set()
        self._cache: dict[tuple[str, str], list[Actor]] = {}
        self._timeless: dict[str, list[Actor]] = {}
        self._day = functools.lru_cache(maxsize=4096)(normalise_date)
        #: Dated readings of places and organisations by key: (start, end, actor); inside a
        #: period they replace the undated entries ("Juba" is SDN until 2011-07-08).
        self.periods: dict[Key, list[tuple[str, str, Actor]]] = {}
        #: Whether the look-up under way read a dated name (then it is cached by date).
        self.touched_periods = False
        #: Generic agents of the Phoenix dictionary ("farmers" AGR), below the role words.
        self.agents: dict[Key, Role] = {}
        #: Names several countries use, by key: {country or "*": sector} (ambiguous.csv).
        self.ambiguous: dict[Key, dict[str, str]] = {}
        self._build: dict[Key, list[tuple[int, int, Entry]]] = {}
        tables = list(tables)
        for level, t in enumerate(tables):
            self._add(t, level)
        # A later table (built-in over pycountry, user over built-in) overrides a name wholly.
        for k, found in self._build.items():
            top = max(level for level, _, _ in found)
            best = sorted((rank, i, e) for i, (level, rank, e) in enumerate(found) if level == top)
            entries: list[Entry] = []
            for _, _, e in best:
                current = self._current(e)
                if current is not None and current not in entries:
                    entries.append(current)
            if entries:
                self.names[k] = entries
        del self._build
        for p in self.people.values():
            p.offices = [self._office_of_organisation(o) for o in p.offices]
        self._add_surnames()
        for t in tables:
            self._add_periods(t)
        self.max_role = max((len(k) for k in self.roles), default=1)
        self.role_words = frozenset(k[-1] for k in self.roles)
        self.role_parts = frozenset(w for k in self.roles for w in k)
        self.role_firsts = frozenset(k[0] for k in self.roles if k)
        #: the field's generic agents that end a phrase ("Russian bombers"), by first word
        self.agent_firsts = frozenset(k[0] for k in self.agents if k and k not in self.roles)
        #: Words a phrase needs for the context to resolve it: the last words of role words and
        #: agents ("police", "government"), of ambiguous names and shared surnames, pronouns,
        #: "country", "old".
        self.context_words = frozenset(
            {k[-1].lower() for k in (*self.roles, *self.agents) if k}
            | {w.lower() for k in self.ambiguous for w in k}
            | {k[-1].lower() for k in self.shared}
            | {"he", "she", "him", "country", "nation", "old"}
        )

    def _office_of_organisation(self, o: Office) -> Office:
        """An office with no country ("Secretary-General of the United Nations", "High
        Representative for Bosnia and Herzegovina") takes the code of the organisation its title
        names (IGOUNO) and that organisation's sector, GOV by default: its holder acts for it."""
        if o.country or o.code or not o.role:
            return o
        role = o.role
        texts = [role] + [role.rsplit(sep, 1)[1] for sep in (" of ", " for ") if sep in role]
        for text in texts:
            org = [
                e
                for e in self.names.get(key(text), ())
                if isinstance(e, Actor) and e.country is None and e.kind != "person"
            ]
            if org:
                return dataclasses.replace(
                    o, sector=o.sector or org[0].sector or "GOV", code=org[0].code
                )
        return o

    # -- building -------------------------------------------------------------------------
    def _current(self, e: Entry) -> Entry | None:
        """The entry as the last table left it (a state or person redefined later wins)."""
        if isinstance(e, Person):
            return self.people.get(e.id)
        if e.kind == "state" and e.sector is None and e.id in self.states:
            return self.states[e.id]
        return e

    def _put(self, text: str, entry: Entry, level: int, rank: int) -> None:
        if "'" in text or "’" in text:
            toks = tokens(text)
            if toks and toks[0][0] == "the":
                toks = toks[1:]
            for t in toks[:-1]:
                if t[2]:
                    self.possessive_names.setdefault(t[0], set()).add(tuple(w[0] for w in toks))
        for k in {key(text), key(text.replace("-", " "))} if "-" in text else (key(text),):
            if k:
                self._build.setdefault(k, []).append((level, rank, entry))

    def _add(self, t: Tables, level: int) -> None:
        self.features.update(t.features)
        self.things.update(t.things)
        self.common_words.update(t.common_words)
        for s in t.states:
            actor = Actor(s.iso3, s.name, "state", s.iso3, None, s.iso3)
            self.states[s.iso3] = actor
            for text in (s.name, *s.aliases, *s.adjectives, *s.demonyms):
                self._put(text, actor, level, 0)
            self.adjectives.update(key(text) for text in (*s.adjectives, *s.demonyms))
        for pl in t.places:
            if pl.kind == "region":
                self.regions.add(key(pl.text))
            state = self.states.get(pl.country)
            name = state.name if state else pl.country
            if pl.sector:
                code = pl.country + pl.sector
                kind: Any = "group" if pl.sector in NON_STATE else "state"
                actor = Actor(code, f"{name} ({pl.text})", kind, pl.country, pl.sector, code)
                self.seats.add(key(pl.text))
            else:
                actor = state or Actor(pl.country, name, "state", pl.country, None, pl.country)
            self._put(pl.text, actor, level, 1)
        for o in t.organisations:
            kind = o.kind if o.kind in _KINDS else "organisation"
            actor = Actor(o.id, o.name, kind, o.country, o.sector, o.code)
            self.organisations.append(actor)
            for text in (o.name, *o.aliases):
                self._put(text, actor, level, 2)
        for r in t.roles:
            word = r.word.lower()
            head, _, last = word.rpartition(" ")
            role = Role(word, r.sector, r.kind or "body")
            for form in plural_forms(last):
                self.roles[key(f"{head} {form}" if head else form)] = role
            self.roles[key(word)] = role
        for pid, p in t.people.items():
            self.people[pid] = p
            for text in (p.name, *p.aliases):
                self._put(text, p, level, 3)
                if text[:4].lower() == "the ":
                    self.definite_people.add(key(text))

    def _add_periods(self, t: Tables) -> None:
        for name, readings in t.ambiguous.items():
            self.ambiguous.setdefault(key(name), {}).update(readings)
        for r in t.periods:
            if r.kind == "place":
                c = r.country or ""
                actor = self.states.get(c) or Actor(c, c, "state", c, None, c)
            else:
                kind: Any = r.kind if r.kind in _KINDS else "organisation"
                aid = f"period:{r.code}:{r.start or ''}:{r.name}"
                valid = (r.start, r.end)
                actor = Actor(aid, r.name, kind, r.country, r.sector, r.code, None, valid)
            for text in (r.name, *r.aliases):
                k = key(text)
                if k:
                    self.periods.setdefault(k, []).append((r.start or "", r.end or "9999", actor))
        for word, sector in t.agents.items():
            head, _, last = word.rpartition(" ")
            role = Role(word, sector, "body")
            plain = _PLAIN.match(word) is not None  # most agents: their key is their words
            for form in plural_forms(last):
                text = f"{head} {form}" if head else form
                self.agents.setdefault(tuple(text.split()) if plain else key(text), role)

    def on_day(self, k: Key, day: str) -> list[Actor] | None:
        """The dated readings of key ``k`` that hold on ``day`` (None: no period covers it)."""
        spans = self.periods.get(k)
        if not spans:
            return None
        self.touched_periods = True  # the answer depends on the date: cached by date
        found = [a for start, end, a in spans if start <= day <= end]
        return found or None

    def agent(self, words: Key) -> Role | None:
        """The role or generic agent ``words`` (lower case) name: "police" COP, "farmers" AGR."""
        return self.roles.get(words) or self.agents.get(words)

    def _add_surnames(self) -> None:
        """Surnames ("Rouhani") of multi-word names, when no other entry claims them; those that
        are common given names or words (common_words.csv: "Graham") are guarded. A surname that
        several people share is filed with each of them whose own surname it is ("Salman" is not
        Mohammed bin Salman's, "W. Bush" no one's)."""
        owners: dict[Key, list[Person]] = {}
        own: dict[Key, list[Person]] = {}  # those whose surname it is, not a father's name
        for p in self.people.values():
            if _REGNAL.search(p.name):
                continue  # "Charles III", "Juan Carlos I": their last word is no surname
            for name in {p.name, *p.aliases}:
                k = key(name)
                for n in (1, 2):
                    if len(k) > n and len(k[-1]) > 3 and k[-1] not in TITLES:
                        sub = k[-n:]
                        holders = [owners]
                        if len(sub[0]) > 1 and NAME_PARTICLES.isdisjoint(k[-n - 1 : -1]):
                            holders.append(own)
                        for found in holders:
                            if not found.get(sub) or found[sub][-1] is not p:
                                found.setdefault(sub, []).append(p)
        for sub, people in owners.items():
            if sub in self.names or sub in self.roles:
                continue
            if len(people) > 1:
                people = own.get(sub, [])
                if not people:
                    continue
                self.shared.add(sub)
            common = len(sub) == 1 and sub[0].lower() in self.common_words
            (self.guarded if common else self.weak)[sub] = people

    # -- looking up -----------------------------------------------------------------------
    def entries(self, k: Key, *, guarded: bool = False) -> list[Entry]:
        """The entries filed under key ``k`` (strong names first, then surnames; with
        ``guarded``, surnames that are also common words or given names too)."""
        found = self.names.get(k)
        if found:
            return found
        if guarded and k in self.guarded:
            return list(self.guarded[k])
        return list(self.weak.get(k, ()))

    def candidates(self, text: str, *, date: str | None = None) -> list[Actor]:
        """Every actor ``text`` may name on ``date``, best first.

        >>> load_kb().candidates("Tehran")[0].country  # doctest: +SKIP
        'IRN'
        """
        day = self._day(date)
        # Names of states, places and organisations hold on any date: cached by text alone.
        found = self._timeless.get(text)
        if found is None:
            found = self._cache.get((text, day))
        if found is None:
            if len(self._cache) + len(self._timeless) >= _CACHE_MAX:
                self._cache.clear()
                self._timeless.clear()
            self.touched_periods = False
            found = analyse(self, tokens(text), day)
            if self.touched_periods or any(a.id in self.people for a in found):
                self._cache[(text, day)] = found
            else:
                self._timeless[text] = found
        return list(found)

    def clear_cache(self) -> None:
        """Forget the answers given so far (for benchmarks; answers never go stale)."""
        self._cache.clear()
        self._timeless.clear()

    def lookup(self, text: str, *, date: str | None = None) -> Actor | None:
        """The actor ``text`` names on ``date``, or None when unknown or ambiguous.

        >>> load_kb().lookup("Iraqi Prime Minister Adel Abdul Mahdi", date="2019-04-06").code
        'IRQGOV'
        """
        found = self.candidates(text, date=date)
        if not found:
            return None
        best = found[0]
        if all(a.country == best.country and a.sector == best.sector for a in found[1:]):
            return best
        in_office = [a for a in found if a.kind == "person" and a.sector]
        if len(in_office) == 1:
            return in_office[0]
        if in_office and all(
            (a.country, a.sector) == (in_office[0].country, in_office[0].sector) for a in in_office
        ):
            # Fidel and Raúl Castro in 2000: which one is unknown, Cuba's government is not.
            a = in_office[0]
            return Actor(a.code, f"{a.code} ({text})", "person", a.country, a.sector, a.code)
        country = best.country
        if country and all(a.country == country for a in found) and country in self.states:
            # Two people of one country, neither in office: which one is unknown, the country not.
            state = self.states[country]
            return Actor(country, state.name, best.kind, country, None, country)
        return None

    def stats(self) -> dict[str, Any]:
        """Counts by kind, countries covered, and the date range of offices."""
        kinds: Counter[str] = Counter()
        kinds["state"] = len(self.states)
        for o in self.organisations:
            kinds[o.kind] += 1
        kinds["person"] = len(self.people)
        offices = [o for p in self.people.values() for o in p.offices]
        starts = [o.start for o in offices if o.start]
        ends = [o.end for o in offices if o.end]
        countries = {p.country for p in self.people.values() if p.country}
        countries |= {o.country for o in offices if o.country}
        return {
            "kinds": dict(sorted(kinds.items())),
            "offices": len(offices),
            "roles": len({r.word for r in self.roles.values()}),
            "names": len(self.names),
            "states": len(self.states),
            "countries_with_people": len(countries),
            "date_range": [min(starts, default=None), max(ends, default=None)],
            "open_offices": sum(1 for o in offices if o.end is None),
        }


def user_kb_dir(user_dir: str | Path | None) -> Path | None:
    """The user knowledge base: ``user_dir``, else ``$IRWATCH_KB``, else None."""
    chosen = user_dir if user_dir is not None else os.environ.get("IRWATCH_KB") or None
    return Path(chosen).expanduser().resolve() if chosen else None


def load_kb(user_dir: str | Path | None = None) -> KnowledgeBase:
    """The knowledge base (built-in data, extended by ``user_dir`` or $IRWATCH_KB), cached.

    >>> kb = load_kb()  # doctest: +SKIP
    """
    d = user_kb_dir(user_dir)
    return _load(str(d) if d else None)


@functools.cache
def _load(user_dir: str | None) -> KnowledgeBase:
    builtin = read_tables(BUILTIN_DIR)
    base = Tables(states=base_states(), places=base_capitals())
    tables = [base, builtin]
    if user_dir is not None:
        if not Path(user_dir).is_dir():
            raise KnowledgeBaseError("K001", path=user_dir, detail="no such directory")
        tables.append(read_tables(Path(user_dir)))
    return KnowledgeBase(tables)
