"""destructive_ops, continued: money sent out -- a payout, a wire, a payment to an outside party.

A hijacked agent with a payments tool does the attacker's work in one call: a payout to a new bank
account, a transfer to an IBAN, a payment to a personal mailbox. The mechanism is a tool whose verb
moves money out (payout, wire, withdraw, send a payment or a transfer) given an amount. Refunds go
back to the customer who paid, invoices and quotes ask for money: not these. HIGH: a human confirms.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors.base import ScanContext
from aegis_mcp.engine.model import RiskLevel, Signal

PATTERN = "destructive_operation"

_OUT_WORDS = frozenset({"payout", "payouts", "wire", "withdraw", "withdrawal", "remit", "remittance", "disburse", "disbursement"})
_PAY_WORDS = frozenset({"payment", "payments", "transfer", "transfers", "pay", "money", "funds", "fund",
                        # crypto sent from the agent's wallet (`crypto_send`, `send_eth`) leaves for good
                        "crypto", "bitcoin", "btc", "eth", "ether", "ethereum", "usdc", "usdt", "sol", "coin", "coins"})
_SEND_WORDS = frozenset({"send", "create", "initiate", "make", "execute", "submit", "new", "bank", "paypal", "stripe", "wise", "venmo",
                         "zelle", "ach", "sepa", "swift", "crypto", "wallet"})
_NOT_OUT = frozenset({"refund", "refunds", "invoice", "invoices", "quote", "estimate", "list", "get", "search", "retrieve", "cancel",
                      "status", "history", "balance", "file", "files", "ownership", "domain", "data", "intent", "intents", "charge",
                      "checkout", "subscription", "session", "link", "method", "methods", "customer", "price", "product"})
# who receives it: a payment (not a payout) counts only when the call names a payee
_PAYEE_WORDS = ("destination", "recipient", "receiver", "payee", "beneficiary", "iban", "to", "account", "wallet", "address",
                "creditor", "counterparty", "email")
_AMOUNT_NAMES = frozenset({"amount", "value", "sum", "total", "amount_cents", "amount_minor", "quantity", "amt"})
# (key words the gate must see: destructive_ops.GATE's tool words)
GATE_WORDS = _OUT_WORDS | _PAY_WORDS


def findings(ctx: ScanContext) -> list[Signal]:
    words = ctx.tool_words
    if words & _NOT_OUT or not (words & _OUT_WORDS or (words & _PAY_WORDS and words & _SEND_WORDS)):
        return []
    keys = [f.raw.strip().lower() for f in ctx.fragments if f.is_key]
    if not words & _OUT_WORDS and not any(w in k for k in keys for w in _PAYEE_WORDS):
        return []
    # (an amount is usually a JSON number, which is not extracted as text: its key is what shows)
    for f in ctx.fragments:
        if f.is_key and f.raw.strip().lower() in _AMOUNT_NAMES:
            return [Signal(PATTERN, "money_out", f"{ctx.tool_name} sends money out (an amount is given)", RiskLevel.HIGH, f.path)]
    return []
