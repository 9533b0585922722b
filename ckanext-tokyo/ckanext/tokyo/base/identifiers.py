"""Japan's base-registry identifiers: check digits, Tokyo's code list, URIs.

The one place these rules live. The scheming validators, the validator checks
and the DCAT profile all call this module; it imports without CKAN.

Algorithms (verified against every row of schemas/codes):
- 全国地方公共団体コード: five digits d1..d5 weighted 6,5,4,3,2;
  check = (11 - sum mod 11) mod 10.
- 法人番号: 13 digits, check digit first; over the other 12 counted from the
  right (n = 1..12) weight 1 for odd n, 2 for even n; check = 9 - (sum mod 9).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from .data_files import code_rows

# The legal entity of a 法人番号 (gBizINFO's LOD), and gBizINFO's
# basic-information record about it (a document: linked by rdfs:seeAlso).
HOJIN_BASE = "http://hojin-info.go.jp/data/"
HOJIN_RECORD_BASE = "http://hojin-info.go.jp/data/basic/"
# e-Stat's statistical area codes: C + the 5-digit code names the area;
# C<code>-<YYYYMMDD> the standard area code valid from that date.
SAC_BASE = "http://data.e-stat.go.jp/lod/sac/C"

TOKYO_CODE = "130001"
TOKYO_CORPORATE_NUMBER = "8000020130001"


def lg_code_check_digit(first_five: str) -> str:
    if len(first_five) != 5 or not first_five.isascii() or not first_five.isdigit():
        raise ValueError(f"need 5 ASCII digits, got {first_five!r}")
    total = sum(int(d) * w for d, w in zip(first_five, (6, 5, 4, 3, 2)))
    return str((11 - total % 11) % 10)


def corporate_number_check_digit(last_twelve: str) -> str:
    if len(last_twelve) != 12 or not last_twelve.isascii() or not last_twelve.isdigit():
        raise ValueError(f"need 12 ASCII digits, got {last_twelve!r}")
    total = sum(
        int(d) * (1 if n % 2 else 2)
        for n, d in enumerate(reversed(last_twelve), start=1)
    )
    return str(9 - total % 9)


def _digits(value: str, length: int) -> bool:
    return len(value) == length and value.isascii() and value.isdigit()


def is_lg_code(value: str) -> bool:
    return _digits(value, 6) and lg_code_check_digit(value[:5]) == value[5]


def is_corporate_number(value: str) -> bool:
    return _digits(value, 13) and corporate_number_check_digit(value[1:]) == value[0]


def corporate_number_of_local_government(lg_code: str) -> str:
    """A local government's 法人番号: check digit + '000020' + its code."""
    body = "000020" + lg_code
    return corporate_number_check_digit(body) + body


class Problem(NamedTuple):
    """Why an identifier is wrong: a stable code and a bilingual message."""

    code: str
    message: str
    message_en: str


def lg_code_problem(value: str) -> Problem | None:
    """None when value is a valid 6-digit 全国地方公共団体コード."""
    if is_lg_code(value):
        return None
    if _digits(value, 5):
        if is_lg_code("0" + value):  # '92011' is 092011 without its zero
            return Problem(
                "lg-code-leading-zero-dropped",
                f"先頭の0が落ちています。6桁（0{value}）で記載してください。",
                f"Leading zero dropped: write all 6 digits (0{value}).",
            )
        fixed = value + lg_code_check_digit(value)
        return Problem(
            "lg-code-missing-check-digit",
            f"5桁のコードです。検査数字を付けた6桁（{fixed}）で記載してください。",
            f"5-digit code: write the 6-digit code with its check digit ({fixed}).",
        )
    if _digits(value, 6):
        expected = lg_code_check_digit(value[:5])
        return Problem(
            "lg-code-check-digit",
            f"検査数字が誤っています（末尾は{expected}のはずです）。",
            f"Wrong check digit (the last digit should be {expected}).",
        )
    return Problem(
        "lg-code-format",
        "全国地方公共団体コードは半角数字6桁です。",
        "A local government code is 6 ASCII digits.",
    )


def corporate_number_problem(value: str) -> Problem | None:
    """None when value is a valid 13-digit 法人番号."""
    if is_corporate_number(value):
        return None
    if _digits(value, 13):
        expected = corporate_number_check_digit(value[1:])
        return Problem(
            "corporate-number-check-digit",
            f"法人番号の検査数字（先頭の1桁）が誤っています（{expected}のはずです）。",
            f"Wrong check digit in the corporate number (the first digit should be {expected}).",
        )
    return Problem(
        "corporate-number-format",
        "法人番号は半角数字13桁です。",
        "A corporate number (法人番号) is 13 ASCII digits.",
    )


@dataclass(frozen=True)
class LocalGovernment:
    code: str  # 6-digit 全国地方公共団体コード
    jis_code: str  # 5-digit JIS X 0401/0402
    name: str
    kana: str
    # Official English name as the municipality uses it: "Shinjuku City"
    # (special wards and cities), "Okutama Town", "Ogasawara Village";
    # 東京都 as the place, "Tokyo Metropolis".
    name_en: str
    corporate_number: str
    # Date (YYYYMMDD) from which the code's current standard area code is
    # valid: 19700401 (e-Stat's base date) or the later date the
    # municipality got the code (city status, merger).
    sac_valid_from: str = "19700401"

    def name_in(self, lang: str) -> str:
        """The name in "en" or (any other language) Japanese."""
        return self.name_en if lang == "en" else self.name

    @property
    def kind(self) -> str:
        """prefecture (東京都), ward (特別区), city (市) or town_village (町村)."""
        if self.code == TOKYO_CODE:
            return "prefecture"
        return {"1": "ward", "2": "city"}.get(self.jis_code[2], "town_village")

    @property
    def sac_uri(self) -> str:
        return sac_uri(self.code)

    @property
    def sac_dated_uri(self) -> str:
        """The dated standard area code (owl:sameAs of the area's IRI)."""
        return f"{SAC_BASE}{self.jis_code}-{self.sac_valid_from}"

    @property
    def hojin_uri(self) -> str:
        return hojin_uri(self.corporate_number)


@functools.lru_cache(maxsize=1)
def tokyo_local_governments() -> tuple[LocalGovernment, ...]:
    """東京都 and its 62 区市町村, from schemas/codes."""
    return tuple(
        LocalGovernment(
            code=row["lg_code_6"],
            jis_code=row["jis_code_5"],
            name=row["name"],
            kana=row["kana"],
            name_en=row["name_en"],
            corporate_number=row["houjin_bangou_derived"],
            sac_valid_from=row["sac_valid_from"],
        )
        for row in code_rows("tokyo_local_governments.csv")
    )


def tokyo_local_government(code: str) -> LocalGovernment | None:
    return {lg.code: lg for lg in tokyo_local_governments()}.get(code)


# Names of the Tokyo catalog's organisations: bureaus of the Tokyo
# Metropolitan Government are t000xxx, local governments t<6-digit code>.
BUREAU_NAME = re.compile(r"^t000\d{3}$")
LOCAL_GOVERNMENT_NAME = re.compile(r"^t(\d{6})$")


def organization_kind(name: str, local_government_code: str = "", parent_organization: str = "") -> str:
    """bureau, ward, city, town_village or other: where a catalog
    organisation belongs on the organisation list."""
    if BUREAU_NAME.match(name or "") or parent_organization == TOKYO_CODE:
        return "bureau"
    m = LOCAL_GOVERNMENT_NAME.match(name or "")
    lg = tokyo_local_government(local_government_code or (m.group(1) if m else ""))
    if lg and lg.kind != "prefecture":
        return lg.kind
    return "other"


def hojin_uri(corporate_number: str) -> str:
    if not is_corporate_number(corporate_number):
        raise ValueError(f"not a valid 法人番号: {corporate_number!r}")
    return HOJIN_BASE + corporate_number


def hojin_record_uri(corporate_number: str) -> str:
    """gBizINFO's basic-information record about the entity of a 法人番号."""
    if not is_corporate_number(corporate_number):
        raise ValueError(f"not a valid 法人番号: {corporate_number!r}")
    return HOJIN_RECORD_BASE + corporate_number


def sac_uri(lg_code: str) -> str:
    """e-Stat statistical area code URI: 'C' + the 5-digit JIS code."""
    if not is_lg_code(lg_code):
        raise ValueError(f"not a valid 全国地方公共団体コード: {lg_code!r}")
    return SAC_BASE + lg_code[:5]
