"""The PLOVER/CAMEO ontology: types, codes, Goldstein values and the mapping between them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from irwatch.errors import CodingError
from irwatch.events.ontology import load_ontology

PLOVER_TYPES = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


def test_the_sixteen_plover_types_with_their_quad_class(onto):
    assert {name: t.quad_class for name, t in onto.plover_types.items()} == PLOVER_TYPES
    assert all(t.description for t in onto.plover_types.values())
    assert "visit" in onto.plover_types["CONSULT"].modes
    assert set(onto.plover_types["ACCUSE"].modes) == {"disapprove", "allege", "investigate"}


def test_loaded_once_per_process():
    assert load_ontology() is load_ontology()


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [("010", 0.0), ("020", 3.0), ("0211", 3.4), ("042", 1.9), ("043", 2.8), ("057", 8.0),
     ("0874", 10.0), ("112", -2.0), ("163", -8.0), ("173", -5.0), ("190", -10.0), ("19", -10.0)],
)  # fmt: skip
def test_goldstein_values(onto, code, goldstein):
    assert onto.cameo(code).goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "plover_type", "mode"),
    [("042", "CONSULT", "visit"), ("043", "CONSULT", "host"), ("112", "ACCUSE", "allege"),
     ("111", "ACCUSE", "disapprove"), ("091", "ACCUSE", "investigate"),
     ("163", "SANCTION", "sever"),
     ("085", "CONCEDE", None), ("0841", "RETREAT", "release"), ("1031", "REQUEST", "assist"),
     ("0211", "REQUEST", "assist"), ("025", "REQUEST", "yield"), ("036", "AGREE", "meet"),
     ("116", "SANCTION", "convict"), ("173", "COERCE", "arrest"), ("195", "ASSAULT", "aerial"),
     ("010", None, None)],
)  # fmt: skip
def test_cameo_to_plover(onto, code, plover_type, mode):
    found = onto.cameo(code)
    assert (found.plover_type, found.plover_mode) == (plover_type, mode)


@pytest.mark.parametrize(
    ("roots", "plover_type"),
    [(("02", "10"), "REQUEST"), (("03",), "AGREE"), (("04",), "CONSULT"), (("05",), "SUPPORT"),
     (("06",), "COOPERATE"), (("07",), "AID"), (("09", "11"), "ACCUSE"), (("12",), "REJECT"),
     (("13",), "THREATEN"), (("14",), "PROTEST"), (("15",), "MOBILIZE"), (("16",), "SANCTION"),
     (("18", "19", "20"), "ASSAULT")],
)  # fmt: skip
def test_whole_root_codes_map_to_one_type(onto, roots, plover_type):
    exceptions = {"116"}  # finding guilty moved from DISAPPROVE to SANCTION
    codes = [c for c in onto.codes.values() if c.root in roots and c.code not in exceptions]
    assert codes and {c.plover_type for c in codes} == {plover_type}


def test_statements_are_not_plover_events(onto):
    assert {c.plover_type for c in onto.codes.values() if c.root == "01"} == {None, "SUPPORT"}


def test_every_code_has_its_parents_and_the_root_quad_class(onto):
    codes = onto.codes
    assert [f"{n:02d}" for n in range(1, 21)] == [c for c in codes if len(c) == 2]
    assert len(codes) > 300
    for code, cameo in codes.items():
        assert len(code) == 2 or code[:-1] in codes
        root = int(code[:2])
        assert cameo.quad_class == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)
        assert cameo.plover_mode is None or cameo.plover_mode in (
            onto.plover_types[cameo.plover_type].modes
        )


def test_default_cameo_for_types_and_modes(onto):
    assert onto.default_cameo("CONSULT", "visit").code == "042"
    assert onto.default_cameo("CONSULT", None).code == "040"
    assert onto.default_cameo("SANCTION", "sever").code == "163"
    assert onto.default_cameo("request").code == "020"
    for name, ptype in onto.plover_types.items():
        assert onto.default_cameo(name, None).plover_type == name
        for mode in ptype.modes:
            found = onto.default_cameo(name, mode)
            # resigning has no CAMEO code of its own: "accede to a change of leaders" stands in
            assert found.plover_type == name or (name, mode) == ("RETREAT", "resign")


def test_unknown_codes_types_and_modes_raise_coding_errors(onto):
    with pytest.raises(CodingError, match="C011"):
        onto.cameo("999")
    with pytest.raises(LookupError):  # callers may catch it as a failed lookup
        onto.cameo("999")
    with pytest.raises(CodingError, match="C012"):
        onto.default_cameo("CRIME", None)
    with pytest.raises(CodingError, match="C012"):
        onto.default_cameo("CONSULT", "telepathy")
    assert onto.get("999") is None


def test_the_gold_sets_cameo_codes_map_to_their_plover_types(shared: Path, onto):
    files = [
        "eval/plover_gsr.dev.jsonl",
        "eval/petr2_gsr.dev.jsonl",
        "seed/kootneeti-iran-iraq.gold.jsonl",
    ]
    agree, disagree = 0, []
    for name in files:
        for line in (shared / name).read_text().splitlines():
            for event in json.loads(line)["events"]:
                if event.get("cameo") and event["types"]:
                    if onto.cameo(event["cameo"]).plover_type in event["types"]:
                        agree += 1
                    else:
                        disagree.append(event["cameo"])
    # the seed reads "deals reached" as AGREE with CAMEO 057, which PLOVER puts under SUPPORT
    assert disagree == ["057"]
    assert agree >= 70


def test_the_data_readme_keeps_med_and_jrn_apart():
    from irwatch.events.ontology import DATA

    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "CAMEO's sector code `MED` means **media**" in readme
    assert "`JRN`" in readme


def test_the_events_package_exports_the_support_api():
    import irwatch.events as events

    assert events.__all__ == sorted(events.__all__)
    for name in ("load_ontology", "resolve_time", "default_period", "find_quantities"):
        assert callable(getattr(events, name))
    assert events.load_gazetteer is not None and events.Gazetteer is not None
