"""The Python API: `from pipeline import extract_text, query_facts, read_facts, read_table`."""
from __future__ import annotations

import pytest

from pipeline import extract_text, query_facts, read_facts, read_table
from pipeline.models import AmountFact, OfficialFact, WorkerCountFact
from pipeline.query import QueryError

TEXT = (
    "Bupati Lombok Timur, H. Haerul Warisin, mengatakan Pemkab menanggung iuran BPJS Ketenagakerjaan "
    "bagi 4.100 nelayan dengan anggaran Rp826,6 juta dari APBD 2024."
)


def test_extract_text_returns_records(engine):
    facts = extract_text(TEXT)
    by_kind = {f.kind: f for f in facts}
    assert isinstance(by_kind["worker_count"], WorkerCountFact) and by_kind["worker_count"].value == 4100
    assert isinstance(by_kind["amount"], AmountFact) and by_kind["amount"].value_idr == 826_600_000
    assert isinstance(by_kind["official"], OfficialFact) and by_kind["official"].name == "Haerul Warisin"
    assert all(TEXT[f.start:f.end] == f.text for f in facts)
    assert extract_text("   ") == []


def test_query_and_read(corpus_db):
    rows = query_facts(corpus_db, region="Kota Medan", kinds=["amount"])
    assert [r["value"] for r in rows] == [403_200_000] and rows[0]["sentence"].startswith("Untuk dua ribu")
    records = read_facts(corpus_db, region="Sumbagut", kinds=["office_area", "amount"])
    assert {type(r).__name__ for r in records} == {"OfficeAreaFact", "AmountFact"}
    assert next(r for r in records if r.kind == "office_area").province_codes == ["11", "12"]
    officials = read_table(corpus_db, "officials_by_region", "region = ?", ["Kota Medan"])
    assert "Ahmad Fauzan Harahap" in {r["name"] for r in officials}
    with pytest.raises(QueryError):
        read_table(corpus_db, "no_such_view")
    with pytest.raises(QueryError):
        query_facts(corpus_db, region="Bandung")


def test_min_value_as_a_python_number(corpus_db):
    rows = query_facts(corpus_db, kinds=["amount"], min_value=1e9)
    assert rows and min(r["value"] for r in rows) >= 1_000_000_000
    assert rows == query_facts(corpus_db, kinds=["amount"], min_value=1_000_000_000)
