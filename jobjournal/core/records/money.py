"""Money as whole minor units (cents): parsed from what people type, shown back plainly."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from jobjournal.core.errors import InvalidInput

if TYPE_CHECKING:
    from jobjournal.core.storage.models import MoneyStyle

MAX_CENTS = 10**15  # ten trillion in any currency: more is a typo, not a salary


# The symbols an amount may be typed or shown with, and the code each stands for.
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
SYMBOL_OF = {code: symbol for symbol, code in SYMBOLS.items()}
_STYLE = ["code"]  # how amounts with a currency are shown: "code" or "symbol"


def use_style(style: MoneyStyle) -> None:
    """Show amounts as "USD 118,000" ("code", also for "") or "$118,000" ("symbol"),
    everywhere from now on; the profile's choice, set when a journal opens or is saved."""
    _STYLE[0] = style or "code"


def parse_amount(text: str, what: str = "The amount") -> int | None:
    """'85,000', '85000.50', '  1 200 ', '$118,000', 'USD 118,000' → cents; '' → None;
    anything else → InvalidInput."""
    cleaned = text.strip().replace(",", "").replace(" ", "").replace("\u00a0", "")
    cleaned = cleaned.lstrip("".join(SYMBOLS)).rstrip("".join(SYMBOLS))
    if len(cleaned) > 3 and cleaned[:3].isalpha() and cleaned[:3].isupper():
        cleaned = cleaned[3:]  # "USD118000": the code as typed in front
    elif len(cleaned) > 3 and cleaned[-3:].isalpha() and cleaned[-3:].isupper():
        cleaned = cleaned[:-3]
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InvalidInput(f"{what} “{text.strip()}” is not a number.") from None
    if not value.is_finite():
        raise InvalidInput(f"{what} must be a number.")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InvalidInput(f"{what} has more than two decimals.")
    return check_cents(int(cents), what)


def check_cents(cents: int, what: str = "The amount") -> int:
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise InvalidInput(f"{what} must be a whole number of cents.")
    if cents < 0:
        raise InvalidInput(f"{what} cannot be negative.")
    if cents > MAX_CENTS:
        raise InvalidInput(f"{what} is larger than any real amount; check the digits.")
    return cents


def format_amount(cents: int | None, currency: str = "", style: MoneyStyle = "") -> str:
    """12345600 → '123,456'; 4250 → '42.50'; with the currency in front when given, as a
    code ("USD 123,456") or, in the symbol style, a symbol where it has one ("$123,456")."""
    if cents is None:
        return ""
    whole, part = divmod(cents, 100)
    text = f"{whole:,}" if part == 0 else f"{whole:,}.{part:02d}"
    symbol = SYMBOL_OF.get(currency)
    if (style or _STYLE[0]) == "symbol" and symbol:
        return f"{symbol}{text}"
    return f"{currency} {text}".strip()
