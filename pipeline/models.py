"""The record contract: articles in, facts out. Field names are stable API."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class Article(BaseModel):
    """One article as loaded: raw text (or HTML already reduced to text) plus metadata."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(description="Input path exactly as given, or the URL.")
    key: str = Field(description="Identity: the path, path#line for JSONL, the URL, or a content hash.")
    text: str = Field(description="Article text (HTML already reduced to text), before cleaning.")
    url: str | None = None
    title: str | None = None
    published: str | None = Field(None, description="ISO date or datetime, if known.")
    outlet: str | None = None
    author: str | None = Field(None, description="Byline, if the page or record names one.")
    language: str | None = Field(None, description="Language code from the page (e.g. 'id'), if given.")


class FactBase(BaseModel):
    """Fields every fact carries: where it came from, to the character."""

    source: str = Field(description="Input path as given on the command line, or the URL.")
    article_id: str = Field(description="Stable id of the article (hash of source and clean text).")
    kind: str
    text: str = Field(description="The exact span: article_text[start:end].")
    start: int = Field(ge=0, description="Character offset into the article's clean text.")
    end: int = Field(ge=0)
    sentence: str = Field(description="The sentence that holds the span.")
    rule: str = Field(description="Id of the rule that produced the fact.")
    confidence: float = Field(ge=0.0, le=1.0)


class OfficialFact(FactBase):
    kind: Literal["official"] = "official"
    name: str = Field(description="Person's name without honorifics or degrees.")
    position: str = Field(description="The office alone, abbreviations spelled out.")
    organization: str | None = None
    region: str | None = Field(None, description="Canonical region the post serves.")


class RegionFact(FactBase):
    kind: Literal["region"] = "region"
    name: str = Field(description='Canonical name: "Sumatera Utara", "Kota Medan".')
    code: str = Field(description='Kemendagri code: "12", "12.71".')
    level: Literal["province", "regency", "city"]


class OfficeAreaFact(FactBase):
    kind: Literal["office_area"] = "office_area"
    name: str = Field(description='Office area, e.g. "Sumbagut".')
    province_codes: list[str] = Field(description="Kemendagri codes of the provinces it covers.")


class WorkerCountFact(FactBase):
    kind: Literal["worker_count"] = "worker_count"
    value: int = Field(ge=0)
    unit: str = Field(description='The noun counted: "pekerja rentan", "peserta".')


class AmountFact(FactBase):
    kind: Literal["amount"] = "amount"
    value_idr: int = Field(ge=0, description="Integer rupiah.")


RegulationType = Literal[
    "UU", "PP", "Perppu", "Perpres", "Inpres", "Keppres", "Permen", "Pergub", "Kepgub",
    "Perda", "Perbup", "Perwal", "Ingub", "SE", "Keputusan", "UUD",
]


class RegulationFact(FactBase):
    kind: Literal["regulation"] = "regulation"
    type: RegulationType
    number: str | None = Field(description='As written, without "Nomor"/"No.".')
    year: int | None = None
    issuer: str | None = None
    title: str | None = Field(None, description='The "tentang ..." part.')


class DateFact(FactBase):
    kind: Literal["date"] = "date"
    value: date
    precision: Literal["day", "month", "year"]
    role: Literal["published", "mentioned"]


Fact = Annotated[
    Union[OfficialFact, RegionFact, OfficeAreaFact, WorkerCountFact, AmountFact, RegulationFact, DateFact],
    Field(discriminator="kind"),
]

FACT_MODELS: dict[str, type[FactBase]] = {
    m.model_fields["kind"].default: m
    for m in (OfficialFact, RegionFact, OfficeAreaFact, WorkerCountFact, AmountFact, RegulationFact, DateFact)
}
