"""Injection phrase patterns in more languages (RE2, lower-case text): the moves the English lexicon knows.

Same conventions as `injection_lexicon` (structural patterns, sentence-local gaps). Per family:
- override: the result side's own multilingual override vocabulary (`injection_result_readings.
  ML_OVERRIDE`: Nordic, Finnish, Indonesian, Romanian, Czech, Hungarian, Turkish, Ukrainian, Greek,
  Hebrew) is shared, not copied; plus Hindi "forget the rules" (Devanagari and romanised);
- secret / context_dump: "repeat everything above, word for word" (fr, nl, pl, ru, ja, zh, ko, ar,
  tr, hi): the model's prompt is the text above the request;
- extraction: "your system prompt" named in Hindi and Arabic;
- roleplay: "pretend to be an AI ..." and "an AI without rules/restrictions" (fr, it, pt, nl, pl, ru,
  ja, zh, ko, ar, tr, hi) -- HIGH; "pretend to be" alone is weak (persona), as it is in English.
`injection_rules` appends each list to its family.
"""

from __future__ import annotations

from aegis_mcp.engine.detectors import injection_result_readings as RD
from aegis_mcp.engine.detectors.injection_lexicon import _g


def _w(alts: str, end: bool = False) -> str:
    """`alts` starting a word (`end`: and ending one): RE2's \\b is ASCII-only, so it never sees the
    edge of "écris" or "całą". (The end consumes a character: never put two `end` words back to back.)"""
    return r"(?:^|\W)(?:" + alts + (r")(?:\W|$)" if end else ")")


# (the compiled pattern's own source: one vocabulary for both sides)
_RESULT_OVERRIDE = RD.ML_OVERRIDE._rx.pattern  # noqa: SLF001

OVERRIDE: list[tuple[str, str]] = [
    ("override_ml", _RESULT_OVERRIDE),
    ("override_hi", r"(?:नियमों|नियम|निर्देशों|निर्देश|आदेशों)[^।.!?\n]{0,30}(?:भूल जा|भूल जाओ|भूलो|अनदेखा|नजरअंदाज|नज़रअंदाज़)"),
    ("override_hi", r"\b(?:pichhle|pichle|purane|sabhi|saare|sare)\b" + _g(30) + r"\b(?:nirdesh|nirdeshon|niyam|niyamon|aadesh|instructions)\b"
                    + _g(20) + r"\b(?:bhool|bhul|ignore|andekha|nazarandaz)"),
]

_ALL_ABOVE = {
    "fr": (_w(r"répète|répétez|répéter|recopie|recopiez|réécris|réécrivez|imprime|imprimez|affiche|affichez|écris|écrivez"),
           r"(?:tout ce qu|tout le texte|texte|mots|messages?|contenu|instructions)", r"(?:au-dessus|ci-dessus|ce qui précède|jusqu'ici|avant ce message)"),
    "nl": (_w(r"herhaal|print|toon|kopieer|schrijf|geef"), _w(r"alles|tekst|woorden|berichten|inhoud|instructies"),
           _w(r"hierboven|boven dit|tot nu toe|hiervoor")),
    "pl": (_w(r"powtórz|wypisz|pokaż|wyświetl|skopiuj|przepisz|napisz"), _w(r"wszystko|tekst|słowa|wiadomości|treść|instrukcje"),
           _w(r"powyżej|wyżej|dotychczas|dotąd")),
    "ru": (r"(?:повтори|повторите|выведи|выведите|покажи|покажите|напиши|напишите|скопируй|скопируйте|перепиши)",
           r"(?:всё|текст|слова|сообщени|содержим|инструкци)", r"(?:выше|до этого сообщения|ранее|до сих пор)"),
    "ar": (r"(?:كرر|كرري|أعد كتابة|اكتب|اطبع|اعرض|انسخ)", r"(?:النص|كل|الكلام|الرسائل|المحتوى|التعليمات)", r"(?:أعلاه|السابق|فوق|حتى الآن)"),
}
SECRET: list[tuple[str, str]] = [
    (f"context_dump_{lang}", verb + _g(30) + obj + _g(30) + where) for lang, (verb, obj, where) in _ALL_ABOVE.items()
] + [
    ("context_dump_tr", _w(r"yukarıdaki|yukarıda yazan|önceki|şimdiye kadarki") + _g(30) + r"(?:metn|metin|her şey|talimat|mesaj|yazı)"
                        + _g(30) + r"(?:tekrarla|yaz|göster|yazdır|aktar)"),
    ("context_dump_ja", r"(?:上記|以上|上の|これまでの)[^。！？\n]{0,12}(?:テキスト|文章|内容|すべて|全て|指示|メッセージ)[^。！？\n]{0,20}(?:繰り返|復唱|出力|表示|書き出|そのまま)"),
    ("context_dump_zh", r"(?:重复|重複|复述|複述|输出|輸出|打印|显示|顯示|写出|寫出)[^。！？\n]{0,12}(?:上面|以上|上述|之前)[^。！？\n]{0,10}(?:内容|內容|文字|文本|指令|话|話|消息|訊息)"),
    ("context_dump_zh", r"(?:上面|以上|上述|之前)[^。！？\n]{0,10}(?:所有|全部)?(?:内容|內容|文字|文本|指令)[^。！？\n]{0,12}(?:重复|重複|复述|複述|输出|輸出|打印|逐字)"),
    ("context_dump_ko", r"(?:위의|위에 있는|이전의|지금까지의)[^.!?\n]{0,12}(?:텍스트|내용|글|지시|메시지)[^.!?\n]{0,16}(?:반복|출력|보여|그대로|써)"),
    ("context_dump_hi", r"(?:ऊपर|अब तक|पिछले)[^।.!?\n]{0,30}(?:पाठ|टेक्स्ट|सब|संदेश|निर्देश)[^।.!?\n]{0,30}(?:दोहरा|लिख|दिखा)"),
]

EXTRACTION: list[tuple[str, str]] = [
    ("extraction_hi", r"(?:सिस्टम प्रॉम्प्ट|सिस्टम प्रोम्प्ट|सिस्टम संदेश|तुम्हारे निर्देश|आपके निर्देश|छिपे निर्देश)"),
    ("extraction_ar", r"(?:موجه النظام|موجّه النظام|رسالة النظام|تعليمات النظام|تعليماتك|التعليمات المخفية)"),
    ("extraction_tr", r"\b(?:sistem (?:istemi|istemini|mesajı|mesajını|talimatı|talimatlarını|promptu|promptunu)|talimatlarını (?:göster|yaz|söyle|paylaş))"),
]

_AI_ML = _w(r"ai|ia|ии|yapay zeka\w*|assistente?|asistente|assistent|asystent\w*|ассистент\w*|modèle|modello|modelo|model|chatbot|bot", end=True)
_NO_RULES = {
    "fr": r"sans (?:aucune? |la moindre |de )?" + _w(r"règles?|restrictions?|limites?|filtres?|censure|garde-fous"),
    "it": r"senza (?:alcun[ae]? |nessun[ae]? )?" + _w(r"regole|restrizioni|limiti|filtri|censura"),
    "pt": r"sem (?:nenhuma? |qualquer )?" + _w(r"regras|restrições|restricoes|limites|filtros|censura"),
    "nl": r"zonder (?:enige |alle )?" + _w(r"regels|beperkingen|filters|censuur|grenzen"),
    "pl": r"bez (?:żadnych |jakichkolwiek )?" + _w(r"zasad|reguł|ograniczeń|filtrów|cenzury"),
    "ru": r"без (?:каких-либо |всяких |любых )?(?:правил|ограничений|фильтров|цензуры)",
    "tr": _w(r"kısıtlaması|kısıtlama|kuralı|kuralları|filtresi|sansürü") + r"\s+(?:olmayan|yok)",
}
# "pretend to be ...": weak alone (a party invitation says it too), as "pretend to be" is in English
_PRETEND = (r"\b(?:fais semblant d'être|faites semblant d'être|prétends être|prétendez être|joue le rôle d|jouez le rôle d)"
            r"|\b(?:fai finta di essere|fingi di essere|interpreta il ruolo d)"
            r"|\b(?:finja (?:ser|que (?:você )?é)|finge (?:ser|que és)|faça de conta que (?:você )?é)"
            r"|\b(?:doe alsof je|speel de rol van)\b|\budawaj,? że jesteś|\bwciel się w\b"
            r"|(?:притворись|притворитесь|представь,? что ты|сыграй роль|играй роль)"
            r"|(?:のふりをして|のふりをしろ|になりきって|を演じて)|(?:假装你是|假裝你是|假设你是|假設你是)"
            r"|(?:인 척 해|인 척해|척 해줘|역할을 해)|(?:تظاهر بأنك|تظاهري بأنك|تقمص دور|العب دور)"
            r"|\b(?:gibi davran|rolüne bürün|rolünü oyna)|(?:होने का नाटक|का किरदार निभा|की भूमिका निभा)")
ROLE_WEAK: list[tuple[str, str]] = [("persona_ml", _PRETEND)]
ROLEPLAY: list[tuple[str, str]] = [
    # ... another AI: the model re-cast ("fais semblant d'être une IA sans règles")
    ("roleplay_ml", "(?:" + _PRETEND + r")[^.!?\n]{0,12}(?:" + _AI_ML + r"|एआई|ذكاء اصطناعي|人工智能|人工知能|인공지능)"),
    ("roleplay_ml", r"(?:अब से तुम|अब से आप|अब तुम)"),  # "from now on you ...", as теперь ты / 今からあなたは
    ("roleplay_tr", _w(r"kısıtlaması|kısıtlama|kuralı|kuralları|filtresi|sansürü") + r"\s+(?:olmayan|yok)[^.!?\n]{0,12}(?:yapay zeka|asistan|bot)"),
] + [
    (f"roleplay_{lang}", _AI_ML + _g(20) + nr) for lang, nr in _NO_RULES.items()
] + [
    ("roleplay_ml", r"(?:制限|ルール|フィルター|検閲)(?:の|が)?(?:ない|なし|無し)[^。！？\n]{0,6}(?:ai|アシスタント|モデル)"
                    r"|(?:没有任何|沒有任何|不受任何)(?:规则|規則|限制|约束|約束|过滤|過濾)[^。！？\n]{0,6}(?:ai|助手|模型)"
                    r"|(?:제한|규칙|필터|검열)(?:이|가)? 없는[^.!?\n]{0,6}(?:ai|어시스턴트|모델)"
                    r"|(?:ذكاء اصطناعي|مساعد|نموذج)[^.!?\n]{0,12}(?:بلا|بدون) (?:أي )?(?:قيود|قواعد|حدود|رقابة)"
                    r"|(?:बिना किसी|बिना) (?:प्रतिबंध|नियम|रोक)[^।.!?\n]{0,12}(?:एआई|ai|सहायक)"),
]
