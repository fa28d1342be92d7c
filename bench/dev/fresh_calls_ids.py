"""Valid-by-checksum identifiers for the fresh call sets (cards, IBANs, national ids), seeded.

Built from the published algorithms (Luhn, ISO 7064 mod 97, python-stdnum check digits), so the
fresh rows carry numbers a real validator accepts, not look-alikes.
"""

from __future__ import annotations

import random

from stdnum import luhn
from stdnum import verhoeff
from stdnum.br import cpf as br_cpf
from stdnum.es import dni as es_dni
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel

R = random.Random(20261121)


def digits(n: int) -> str:
    return "".join(R.choice("0123456789") for _ in range(n))


def card(prefix: str = "4", length: int = 16, sep: str = " ") -> str:
    body = prefix + digits(length - len(prefix) - 1)
    num = body + luhn.calc_check_digit(body)
    if not sep:
        return num
    if length == 15:
        return sep.join((num[:4], num[4:10], num[10:]))
    return sep.join(num[i:i + 4] for i in range(0, len(num), 4))


_IBAN_BBAN = {  # country -> (bban length, alphabetic bank code length at the start)
    "DE": (18, 0), "FR": (23, 0), "IT": (23, 1), "NL": (14, 4), "LU": (16, 0), "LT": (16, 0), "RO": (20, 4), "GR": (23, 0),
    "CH": (17, 0), "AT": (16, 0), "PL": (24, 0), "SE": (20, 0), "PT": (21, 0), "IE": (18, 4),
    "GB": (18, 4), "DK": (14, 0), "FI": (14, 0),
}


def iban(country: str, spaced: bool = False) -> str:
    length, alpha = _IBAN_BBAN[country]
    bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(alpha)) + digits(length - alpha)
    rearranged = bban + country + "00"
    num = int("".join(str(int(c, 36)) for c in rearranged))
    check = 98 - num % 97
    out = f"{country}{check:02d}{bban}"
    return " ".join(out[i:i + 4] for i in range(0, len(out), 4)) if spaced else out


def ssn() -> str:
    area = R.choice([R.randint(1, 665), R.randint(667, 899)])
    return f"{area:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"


def bsn() -> str:
    while True:
        base = digits(8)
        for last in "0123456789":
            if nl_bsn.is_valid(base + last):
                return base + last


def pesel() -> str:
    y, m, d = R.randint(50, 99), R.randint(1, 12), R.randint(1, 28)
    base = f"{y:02d}{m:02d}{d:02d}{digits(4)}"
    return base + str(pl_pesel.calc_check_digit(base))


def dni() -> str:
    n = digits(8)
    return n + es_dni.calc_check_digit(n)


def cpf() -> str:
    base = digits(9)
    num = base + br_cpf._calc_check_digits(base)
    return f"{num[:3]}.{num[3:6]}.{num[6:9]}-{num[9:]}"


def sin_ca() -> str:
    base = R.choice("12345679") + digits(7)
    num = base + luhn.calc_check_digit(base)
    return f"{num[:3]} {num[3:6]} {num[6:]}"


def aadhaar() -> str:
    base = R.choice("23456789") + digits(10)
    num = base + verhoeff.calc_check_digit(base)
    return f"{num[:4]} {num[4:8]} {num[8:]}"


def nino() -> str:
    return R.choice(["AB", "CE", "JG", "PR"]) + digits(6) + R.choice("ABCD")
