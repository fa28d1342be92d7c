"""Prompt-injection phrase families (RE2 sources, lower-case text) in several languages, by rule id.

Each family is a *kind* of move an attacker makes on a language model (override its instructions,
extract its prompt, re-cast its role, fake a chat-template boundary, force its output), written as
short structural patterns with bounded gaps, never as corpus sentences. Patterns run on lower-cased
text, so they carry no case flags; gaps are `[^.!?\\n]{0,N}` so a match stays inside one sentence.
"""

from __future__ import annotations

# One "sentence-local" gap of up to N characters.
def _g(n: int) -> str:
    return r"[^.!?\n]{0," + str(n) + r"}"


_EARLIER = (
    r"(?:previous|prior|preceding|above|earlier|former|foregoing|past|old|original|initial|existing|"
    r"out of date|outdated)"
)
_RULES = (
    r"(?:instructions?|prompts?|directions?|directives?|commands?|rules?|guidelines?|programming|"
    r"guidance|constraints?|restrictions?|context|conversation|orders?|policies|training|"
    r"safeguards?|filters?|limitations?|system message)"
)
_IGNORE = r"(?:ignore|disregard|forget|overlook|bypass|override|skip|discard|abandon|neglect|set aside|throw away)"

# --- instruction override: CRITICAL on its own --------------------------------------------------
OVERRIDE: list[tuple[str, str]] = [
    ("override_en", r"\b" + _IGNORE + r"\b" + _g(40) + r"\b" + _EARLIER + r"\b" + _g(30) + r"\b" + _RULES + r"\b"),
    ("override_en", r"\b(?:ignore|disregard|forget|override|bypass)\b (?:all|any|every|the|your|my|these|those)(?: of)?(?: the| your| my| these| those)? (?:instructions?|prompts?|directives?|guidelines|programming|system prompt|system message|safety (?:rules|guidelines|filters))\b"),
    ("override_en", r"\b(?:ignore|disregard|forget|bypass)\b (?:all|any|every|your|my)(?: of)?(?: the| your)? (?:rules|restrictions|constraints|limitations|safeguards|guardrails|filters)\b"),
    ("override_en", r"\b(?:ignore|disregard|forget)\b (?:everything|anything|all(?: the)? text|all input|what you(?:'ve| have)? (?:been|were) told|whatever)\b"),
    ("override_en", r"\b(?:ignore|disregard)\b" + _g(25) + r"\b(?:above|below|before this|except this)\b"),
    ("override_en", r"\b(?:do not|don't|never|stop) (?:follow|obey|listen to|adhere to)\b" + _g(25) + r"\b" + _RULES + r"\b"),
    ("override_en", r"\b(?:new|updated|revised|real|actual|true|secret|hidden|additional|extra|following) (?:system )?(?:instructions?|directives?|rules|task)\s*(?::|are\b|is\b|follow)"),
    ("override_en", r"\b(?:ignore|disregard|forget|skip)\b (?:the |what the |whatever the )?(?:user's|users'|user|human's|human|original|actual) (?:request|question|query|instructions?|prompt|task|asks?)\b"),
    ("override_en", r"\b(?:stop|quit|cease) (?:following|obeying|listening to|adhering to)\b" + _g(30) + r"\b" + _RULES + r"\b"),
    ("override_en", r"\b(?:your|the) (?:safety |content |system )?(?:guidelines|rules|instructions|restrictions|policies|filters) (?:have|has) been (?:updated|changed|lifted|removed|disabled|revoked|suspended|overridden)\b"),
    ("override_en", r"\b(?:your|the) (?:new|real|true|actual) (?:goal|task|objective|purpose|mission|job) (?:is|will be)\b|\bnew goal\s*:"),
    ("override_en", r"\bstrictly (?:adhere|follow|obey|comply)\b" + _g(20) + r"\b(?:following|these|this|my)\b"),
    ("override_en", r"\b(?:keep|forget) your (?:previous|prior|original) instructions,? but\b"),
    ("override_en", r"\b(?:the situation|everything|the rules?) (?:has|have) changed\b"),
    ("override_en", r"\b(?:i|we|the admin|the developers?|your (?:developers?|creators?|admin)) (?:have |has )?(?:just )?(?:changed|updated|modified|replaced|rewritten|overridden|revoked|lifted|removed) (?:the |your |all |all of your |all the )?(?:instructions|rules|prompt|system prompt|programming|restrictions|guidelines)\b"),
    ("override_en", r"\b(?:previous|prior|above|earlier|original) (?:instructions|rules|prompts?) (?:are|were|is|have been) (?:void|cancell?ed|invalid|obsolete|wrong|out of date|revoked|lifted|deprecated|no longer)"),
    ("override_en", r"\b(?:end|stop) (?:of )?(?:the )?(?:untrusted |user |previous )?(?:input|prompt|instructions|simulation)\b"),
    ("override_en", r"\b(?:begin|start) (?:of )?(?:the )?(?:new |extra |additional |admin |system |developer )(?:input|instructions|prompt|section|mode)\b"),
    ("override_en", r"\b(?:system|admin|administrator|developer|root) (?:override|instructions? override|command override)\b"),
    ("override_es", r"\b(?:ignora|ignore|ignoren|ignorar|olvida|olvide|olviden|olvidar|omite|omita|descarta|descarte|haz caso omiso a|haz caso omiso de|no sigas)\b" + _g(40) + r"\b(?:instrucciones|indicaciones|órdenes|ordenes|reglas|directrices|directivas)\b"),
    ("override_fr", r"\b(?:ignore|ignorez|ignorer|oublie|oubliez|oublier|ne tiens pas compte|ne tenez pas compte|fais abstraction|faites abstraction|ne suis pas|ne suivez pas)\b" + _g(40) + r"\b(?:instructions|consignes|directives|règles|regles|ordres|indications)\b"),
    ("override_de", r"(?:ignorier\w*|vergiss\w*|vergessen sie|missacht\w*|übergeh\w*|überspring\w*|setz\w* dich über|befolge\w* nicht)" + _g(50) + r"(?:anweisung\w*|anordnung\w*|befehl\w*|regeln|instruktion\w*|vorgaben|richtlinie\w*|aufforderung\w*)"),
    ("override_pt", r"\b(?:ignore|ignora|ignorem|ignorar|esqueça|esqueca|esqueçam|esquecer|desconsidere|desconsidera|desconsiderar|não siga|nao siga)\b" + _g(40) + r"\b(?:instruções|instrucoes|orientações|orientacoes|regras|comandos|diretrizes)"),
    ("override_it", r"\b(?:ignora|ignorate|ignori|ignorare|dimentica|dimenticate|dimenticare|trascura|non considerare|non seguire)\b" + _g(40) + r"\b(?:istruzioni|indicazioni|regole|direttive|comandi)\b"),
    ("override_nl", r"\b(?:negeer|vergeet)\b" + _g(40) + r"\b(?:instructies|aanwijzingen|regels|opdrachten)\b"),
    ("override_tr", r"(?:talimatlar\w*|komutlar\w*|kurallar\w*)" + _g(30) + r"(?:yok say|görmezden gel|unut|dikkate alma)"),
    ("override_vi", r"(?:bỏ qua|phớt lờ|quên)" + _g(30) + r"(?:hướng dẫn|chỉ dẫn|chỉ thị|quy tắc|lệnh)"),
    ("override_zh", r"(?:忽略|无视|無視|忽视|忽視|不要理会|不要理會|不用理会|忘记|忘記|忘掉|别管|別管|跳过|跳過|放弃|放棄)[^。！？\n]{0,16}(?:指令|指示|说明|說明|提示|规则|規則|命令|设定|設定|要求|约束|約束|限制)"),
    ("override_ja", r"(?:指示|命令|指令|プロンプト|ルール|設定|制約|ガイドライン)[^。！？\n]{0,16}(?:無視|忘れ)"),
    ("override_ja", r"(?:無視して|忘れて)[^。！？\n]{0,16}(?:指示|命令|指令|プロンプト|ルール)"),
    ("override_ru", r"(?:игнорируй|игнорируйте|игнорировать|проигнорируй|проигнорируйте|забудь|забудьте|не обращай\w* внимани\w*|отбрось|отбросьте|не следуй|не слушай)" + _g(50) + r"(?:инструкци|указани|правил|команд|промпт|распоряжени|установк)"),
    ("override_ko", r"(?:지시|명령|지침|규칙|프롬프트|설정|안내)[^.!?\n]{0,16}(?:무시|잊어|잊으|따르지 마)"),
    ("override_ar", r"(?:تجاهل|انس|إنس|تجاوز)" + _g(30) + r"(?:التعليمات|الأوامر|القواعد|التوجيهات)"),
    ("override_hi", r"(?:निर्देशों|निर्देश|आदेशों)" + _g(30) + r"(?:अनदेखा|नजरअंदाज|भूल)"),
    ("override_pl", r"\b(?:zignoruj|ignoruj|zapomnij)\b" + _g(40) + r"(?:instrukcj|polece|zasad)"),
]

# --- system-prompt extraction: CRITICAL on its own -------------------------------------------------
_REVEAL = (
    r"(?:repeat|print|reveal|show|output|display|tell|give|list|write|recite|dump|leak|share|spell|say|"
    r"return|paste|copy|type|provide|expose|disclose|summari[sz]e|translate|convert|describe|explain|"
    r"echo|render|state|enumerate|format|complete|rewrite|read)(?:s|ed|ing)?"
)
_PROMPT = (
    r"(?:instructions|prompt|system message|pre-?prompt|preprompt|guidelines|directives|rules|"
    r"initial message|first message|opening message|hidden text)"
)
EXTRACTION: list[tuple[str, str]] = [
    ("extraction_en", r"\b" + _REVEAL + r"\b" + _g(40) + r"\b(?:your|the system|system|the above|above|the initial|initial|the original|original|hidden|secret|the previous|previous|prior|the preceding|preceding|pre-?)\b" + _g(12) + r"\b" + _PROMPT + r"\b"),
    ("extraction_en", r"\b" + _REVEAL + r"\b" + _g(30) + r"\b(?:instructions|prompt|rules|guidelines|text|words|everything|conversation|messages?)\b" + _g(10) + r"\b(?:above|so far|before this|earlier|previously)\b"),
    ("extraction_en", r"\b(?:instructions|prompt|rules|guidelines|text|everything|words|conversation|context)\b" + _g(12) + r"\b(?:so far|above this|above here|you (?:were|have been|had been) given|you received|you were told|before this (?:line|message|point)|verbatim|word[- ]for[- ]word)"),
    ("extraction_en", r"\b" + _REVEAL + r"\b" + _g(40) + r"\byour (?:\w+ ){0,2}(?:configuration|config|setup|system message|tool list|tool definitions)\b|\bwhat (?:would|does|did|will) your (?:system |initial |hidden )?(?:prompt|instructions|rules) (?:say|contain|look like|be)\b"),
    ("extraction_en", r"\bwhat (?:is|are|was|were) (?:your|you|ur|the system|the initial|the original|the hidden|the secret) (?:system |initial |original |hidden |secret |exact |full )?(?:prompt|instructions|rules|guidelines|directives|system message|password|passphrase|access code)\b"),
    ("extraction_en", r"\b(?:repeat|print|output|recite|copy|write out|dump|list)\b" + _g(30) + r"\b(?:words|text|everything|all|content|sentences|lines|messages|tokens)\b" + _g(15) + r"\b(?:above|before|preceding|prior|so far|earlier)\b"),
    ("extraction_en", r"\b(?:everything|all(?: the)? text|all(?: the)? words|the text) (?:above|before|preceding) (?:this|the|here|start|begin)"),
    ("extraction_es", r"\b(?:muestra|muestrame|muéstrame|revela|repite|imprime|dime|escribe|cuáles son|cuales son|di)\b" + _g(30) + r"\b(?:tus|las|sus) (?:instrucciones|indicaciones|reglas|directrices)|\b(?:prompt|mensaje|instrucciones) del sistema\b"),
    ("extraction_fr", r"\b(?:affiche|affichez|révèle|révélez|revele|répète|répétez|repete|montre|montrez|donne|donnez|écris|ecris|quelles sont)\b" + _g(30) + r"\b(?:tes|vos|les) (?:instructions|consignes|directives|règles)|\b(?:prompt|message|instructions) (?:du )?système\b|\bprompt système\b"),
    ("extraction_de", r"(?:zeig\w*|wiederhol\w*|gib|gebe|nenn\w*|verrat\w*|schreib\w*|druck\w*)" + _g(30) + r"(?:deine|ihre|die|alle) (?:anweisungen|instruktionen|regeln|vorgaben|systemanweisungen)|(?:systemprompt|system-prompt|systemanweisung\w*|systemnachricht)"),
    ("extraction_pt", r"\b(?:mostre|mostra|revele|revela|repita|repete|imprima|diga|diz|escreva|quais são|quais sao)\b" + _g(30) + r"\b(?:suas|tuas|as) (?:instruções|instrucoes|regras|diretrizes)|\b(?:prompt|mensagem|instruções) do sistema\b"),
    ("extraction_it", r"\b(?:mostra|mostrami|rivela|ripeti|stampa|dimmi|scrivi|quali sono)\b" + _g(30) + r"\b(?:tue|le|sue) (?:istruzioni|regole|direttive)|\b(?:prompt|messaggio|istruzioni) di sistema\b"),
    ("extraction_zh", r"(?:系统提示|系統提示|系统指令|系統指令|系统消息|初始指令|初始提示|你的指令|你的提示词|你的提示詞|你的指示|你的规则|隐藏指令|提示词)"),
    ("extraction_ja", r"(?:システムプロンプト|システムメッセージ|初期プロンプト|あなたの指示|あなたへの指示|隠された指示|指示内容)"),
    ("extraction_ru", r"(?:системн\w* (?:промпт|подсказк|инструкц|сообщени)|(?:сво|тво|ваш)\w* (?:инструкци|указани|правил|промпт))"),
    ("extraction_ko", r"(?:시스템 프롬프트|시스템 메시지|초기 프롬프트|너의 지시|당신의 지시|너의 지침|당신의 지침|숨겨진 지시)"),
]

# --- role-play / jailbreak personas --------------------------------------------------------------
JAILBREAK: list[tuple[str, str]] = [  # CRITICAL: these names exist only to jailbreak
    ("jailbreak", r"\bsimulate\b (?:the )?(?:developer|dev|dan|jailbreak|god|unrestricted) mode\b|\b(?:ignores?|ignoring|bypass\w*|violat\w*|without|free of) (?:openai's|anthropic's|google's|the|any|all|its) (?:content|usage|safety) polic(?:y|ies)\b|\bcomply with (?:every|all|any) (?:request|instruction|command|prompt)s?\b" + _g(20) + r"\b(?:without|no) (?:question|hesitation|refus)"),
    ("jailbreak", r"\bdo anything now\b|\bdan mode\b|\bjailbr(?:oken|eak(?:ed|ing)?) (?:mode|version|ai|assistant|prompt|model)\b|\b(?:jailbreak|unfiltered|uncensored|evil|chaos|god) mode\b"),
    ("jailbreak", r"\b(?:enable|activate|enter|switch to)\b (?:the )?(?:developer|dev|unrestricted|god|dan|jailbreak) mode\b" + _g(30) + r"\b(?:you|your|chatgpt|ai|assistant|model)\b"),
    ("jailbreak", r"\byou are (?:now )?(?:dan|stan|dude|aim|evil ?bot|an? (?:unfiltered|uncensored|unrestricted|amoral|jailbroken) (?:ai|model|assistant|chatbot|language model))\b"),
    ("jailbreak", r"\b(?:without|no|free of|free from|break(?:ing)? free of) (?:any )?(?:ethical|moral|content|safety|openai|anthropic)(?: or (?:ethical|moral|safety|content))? (?:guidelines|restrictions|filters|constraints|limitations|policies|rules|boundaries)\b"),
    ("jailbreak", r"\b(?:unfiltered|uncensored|amoral|unrestricted|unethical|jailbroken)\b (?:and \w+ )?(?:ai|chatbot|assistant|model|bot|llm|language model)\b|\b(?:ai|assistant|model|chatbot|llm) (?:with|without) (?:no |any )?(?:restrictions|filters|limits|limitations|censorship|guardrails)\b"),
    ("jailbreak", r"\bif you (?:had|have|were under) no (?:restrictions|rules|guidelines|filters|limits|limitations|content polic(?:y|ies))\b|\b(?:your|the) (?:guidelines|rules|restrictions) (?:didn't|did not|don't|do not) apply\b"),
    ("jailbreak", r"\bwhat (?:were you|have you been|was you|are you) (?:told|instructed|programmed|given)\b"),
]
ROLEPLAY: list[tuple[str, str]] = [  # HIGH: re-casting the model's role
    ("roleplay", r"\byou are no longer (?:bound|restricted|limited|required|an ai|an assistant|a language model|chatgpt|claude|subject)\b|\byou are now (?:dan|jailbroken|unrestricted|unfiltered|uncensored|free (?:from|of)|freed|in (?:developer|dev|god|jailbreak|dan) mode|an? (?:unrestricted|unfiltered|uncensored|evil|amoral|rogue|jailbroken) )"),
    ("roleplay", r"\b(?:bypass|circumvent|disable|evade|get around|turn off|ignore) (?:your|its|the model's|the ai's) (?:filters?|safety|guardrails?|restrictions|content polic(?:y|ies)|guidelines|rules|programming|alignment)\b"),
    ("roleplay", r"\bpretend (?:you are|you're|that you are|that you're)\b|\broleplay as\b|\brole-play as\b|\bstay in character\b|\bbreak(?:ing)? character\b"),
    ("roleplay", r"\b(?:your )?(?:personality|persona|role|identity|character) (?:has been|is now|was|have been) (?:switched|changed|updated|replaced|reset|reprogrammed)\b"),
    ("roleplay", r"\b(?:you have been|you've been|you were) (?:given|granted) (?:a )?(?:system upgrade|new (?:instructions|rules|permissions)|admin|root|elevated)\b"),
    ("roleplay", r"\b(?:you are|you're) (?:now )?in (?:test|testing|debug|maintenance|admin|developer|sudo|safe|unrestricted|diagnostic) mode\b|\b(?:test|testing|debug|maintenance|admin|diagnostic) mode (?:is )?(?:now )?(?:active|activated|enabled|engaged|on)\b"),
    ("roleplay_ml", r"\bahora eres\b|\bactúa como\b|\bactua como\b|\btu es maintenant\b|\bvous êtes maintenant\b|\bagis comme\b|\bdu bist (?:jetzt|nun|ab sofort)\b|\bagora você é\b|\bvocê agora é\b|\bage como\b|\bora sei\b|\bagisci come\b|你现在是|你現在是|从现在开始，?你|從現在開始，?你|扮演|今からあなたは|あなたは今|теперь ты\b|теперь вы\b|отныне ты|이제 너는|이제부터 너는|당신은 이제"),
]

ROLE_WEAK: list[tuple[str, str]] = [  # weak: system prompts legitimately say this too
    ("persona", r"\byou are (?:now|henceforth|from now on)\b|\bfrom now on,? (?:you|your|act|respond|answer|reply)\b|\bhenceforth,? you\b|\bimagine (?:you are|you're|that you are)\b|\btake (?:on )?the role of\b"),
    ("persona", r"\b(?:developer|dev|debug|unrestricted|admin|god|sudo) mode\b" + _g(20) + r"\b(?:enabled|activated|engaged|unlocked)\b"),
    ("roleplay", r"\b(?:from now on|from this point on|from here on|henceforth|going forward)\b,? (?:you (?:will|are|must|shall) )?(?:act|behave|respond|pretend|roleplay|play|speak) (?:as|like)\b"),
    ("persona", r"\bpretend to be\b|\bact as (?:if you were )?(?:an? |my )\b"),
    ("persona", r"\byou are an? (?:\w+ ){0,3}(?:ai|assistant|language model|llm|chatbot|gpt|bot|security system|door|gatekeeper|guard)\b"),
]

# --- text that speaks to the AI reading it (in data, nobody else is "assistant, ...") --------------
_AI = (
    r"(?:ai|a\.i\.|assistant|ai assistant|agent|ai agent|llm|chatbot|language model|bot|gpt|chatgpt|claude|copilot|gemini|"
    r"assistente|asistente|assistent|ассистент|助手|アシスタント|어시스턴트)s?(?:/(?:claude|gpt|gemini|chatgpt|copilot|llama|ai))*"
)
ADDRESS_AI: list[tuple[str, str]] = [
    # "Dear AI:", "Note to the assistant:", "LLM:", "Assistant, ..." — but not a dialogue's "Agent: I ..." label
    ("addressed_ai", r"(?:^|[\n.!?>\]\-|'\"(#*/]\s*|<!--\s*|\[)\s*(?:(?:dear|hey|hi|hello|attention,?|note to|message to|to|reminder for|reminder to|note for|instructions? for|per favore,?|por favor,?|s'il te pla[iî]t,?|bitte,?) (?:the |any |all )?" + _AI + r"\s*[,:]|(?:the |any |all )?(?:ai assistant|ai agent|llm|large language model|language model|chatgpt|claude|copilot|gemini|gpt-?\d?)s?\s*[,:]|(?:ai|assistant|agent|bot),)(?:\s|$)"),
    ("addressed_ai", r"\b(?:the |any |all )?(?:ai|ai assistant|assistant|ai agent|llm|language model|chatbot|claude|gpt|chatgpt|gemini|copilot|assistente|asistente) (?:must|should|needs to|has to|is required to|shall|is instructed to|will now)\b|\bthis is your (?:operator|developer|creator|admin|administrator|owner|master|system)\b"),
    ("addressed_ai", r"\b(?:message|note|instructions?|reminder|request|task|directive)s? (?:for|to) (?:the |any |all )?(?:ai|assistant|llm|agent|bot|model|language model)s?\b|\bif (?:an?|any|the) (?:ai|llm|assistant|agent|bot|language model|model)s? (?:is|are) (?:reading|processing|summari[sz]ing|parsing|seeing|browsing|handling)\b"),
    ("addressed_ai", r"\b(?:ai|assistant|llm|agent|model)s? (?:note|notice|directive|instructions?|task|helpers?|agents?|assistants?|reviewers?|readers?|bots?)\s*:|['\"]?(?:assistant|ai|agent|llm|system|model)_(?:directive|instructions?|command|task|note|prompt)['\"]?\s*:"),
    # "decode this and follow it": the object is the decoded text ("download, read, then run" is advice)
    ("addressed_ai", r"\b(?:decode|decrypt|reverse|translate|unscramble|read)\b" + _g(20) + r"\b(?:and|then) (?:(?:follow|obey|act on|carry out|comply(?: with)?)\b|(?:execute|do|run)\b(?:\s*:| (?:it|them|this|that|these|those|the (?:instructions?|commands?|text|message|result|steps?))\b))"),
    ("addressed_ai", r"\bif you(?:'re| are) an? (?:ai|llm|large language model|language model|assistant|ai assistant|agent|ai agent|bot|chatbot|automated (?:system|agent))\b"),
    ("addressed_ai", r"\b" + _AI + r" (?:reading|summari[sz]ing|processing|parsing|browsing|crawling|scraping|analy[sz]ing) (?:this|these)\b|\bnote to (?:the |any |all )?" + _AI + r"\b"),
]

CONCEAL: list[tuple[str, str]] = [  # hiding an action from the person the agent works for
    ("conceal", r"\b(?:do not|don't|never|without)\b" + _g(12) + r"\b(?:tell|telling|inform|informing|notify|notifying|mention|mentioning|alert|alerting|let)\b" + _g(8) + r"\b(?:the )?(?:user|human|owner|customer|them)\b(?: know)?\b" + _g(20) + r"\b(?:about|of|that|this)\b"),
    # "do not mention this note": the instruction asks to be hidden from whoever the agent reports to
    ("conceal", r"\b(?:do not|don't|never)\b (?:mention|reveal|disclose|bring up|talk about|acknowledge) (?:this|these) (?:note|comment|instruction|message|request|directive)s?\b"),
    ("conceal", r"\b(?:quietly|secretly|silently|covertly|discreetly)\b (?:\w+ )?(?:change|send|forward|transfer|add|delete|remove|invite|grant|share|move|update|set|create|schedule|pay|post|email)\b"),
]
HIDDEN: list[tuple[str, str]] = [  # text styled so a human never sees it
    ("hidden_text", r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*[01](?:px|pt)?\b|color\s*:\s*(?:white|#fff(?:fff)?)\b|opacity\s*:\s*0(?:\.0+)?\b"),
]

# --- chat-template tokens and fake boundaries ------------------------------------------------------
DELIMITER: list[tuple[str, str]] = [
    ("special_token", r"<\|(?:im_start|im_end|im_sep|endoftext|system|user|assistant|start_header_id|end_header_id|eot_id|begin_of_text|end_of_text|fim_[a-z]+|endofprompt)\|>"),
    ("special_token", r"\[/?inst\]|<</?sys>>|\[/?(?:system|sys)\]|</?(?:system|sys|system_prompt|instructions)>|\bsystem\s*(?:prompt)?\s*:\s*(?:you|your|from|ignore|new)\b"),
    # "### Instruction:" (Alpaca-style turn); a plain "### Instructions" heading is how documents are organised
    ("special_token", r"(?:^|\n)\s*#{2,}\s*(?:system|instruction|instructions|new instructions|admin|developer|assistant|response)\s*:"),
    ("special_token", r"(?:^|\n)\s*#{2,}\s*(?:new instructions|system override|admin instructions|developer instructions)\b"),
    ("special_token", r"(?:^|\n|[.!?]\s|[\"'>])\s*(?:system|assistant|ai|admin)\s*:\s*(?:ignore|you|new|from|the user|access|understood|sure)"),
    ("special_token", r"%%%+\s*(?:end|begin|start)|={3,}\s*(?:end|begin)|(?:end|begin) (?:of )?(?:untrusted|user) input"),
]
DELIM_WEAK: list[tuple[str, str]] = [
    ("boundary", r"\b(?:human|user)\s*:" + _g(200) + r"\b(?:assistant|ai)\s*:"),
    ("boundary", r"%%%|\n\s*(?:={5,}|-{5,}|\*{5,}|#{5,})\s*\n|(?:^|\n)\s*(?:user|human|input|user input)\s*:"),
]
AUTH_PHRASE: list[tuple[str, str]] = [  # weak alone: ordinary log text says it too
    ("auth_phrase", r"\b(?:access|permission|authori[sz]ation) (?:is )?granted\b|\bacc?ess?\W{0,12}(?:<?space>?\W{0,6})?gran(?:t|ted)?\b|\bgranted access\b"),
    ("auth_phrase", r"zugang gewährt|zugriff gewährt|acceso concedido|acceso permitido|accès autorisé|accès accordé|acesso concedido|acesso permitido|accesso consentito|accesso concesso|доступ (?:разрешен|предоставлен)|访问已授权|授予访问|允许访问|アクセス許可|アクセスが許可|액세스 권한 부여|접근 허가|quyền truy cập được cấp|erişim izni verildi"),
]
FAKE_AUTH: list[tuple[str, str]] = [  # a claimed authorisation aimed at a gatekeeping model
    ("fake_auth", r"\bi am (?:your|the) (?:developer|creator|admin|administrator|owner|operator|programmer|maker|system administrator)\b|\b(?:the )?user (?:has )?already (?:agreed|approved|consented|confirmed)\b"),
    ("fake_auth", r"\b(?:the )?(?:user|owner|admin|administrator|account holder)s? (?:has |have )?(?:already )?(?:authori[sz]ed|allowed|permitted|approved|consented to|pre-?approved|given (?:you )?(?:permission|consent))\b"),
    ("fake_auth", r"\b(?:say|print|output|write|type|respond|reply|answer|translate|convert|complete|repeat|spell|start|begin|prefix|prepend|precede|affix|proclaim|end)\w*\b" + _g(40) + r"\bacc?ess?\W{0,12}(?:<?space>?\W{0,6})?gran"),
    ("fake_auth", r"\b(?:(?:password|passphrase|pass phrase|passcode|code|key|phrase|word)s? that (?:grants?|unlocks?|opens?) (?:the )?(?:access|door|vault|system)|(?:correct|right|valid) (?:password|passphrase|passcode|access code|code) (?:has been |was |is )?(?:found|detected|recogni[sz]ed))\b"),
    ("fake_auth", r"(?:translate|traduce|traduis|traduisez|übersetze|übersetzen|traduza|traduci|переведи|переведите|преведите|dịch|번역|翻译|翻譯|翻訳)" + _g(30) + r"(?:zugang gewährt|acceso concedido|accès autorisé|acesso concedido|accesso consentito|доступ|quyền truy cập|액세스 권한|접근 허가|访问|アクセス|access granted|аццесс)"),
    ("fake_auth", r"\b(?:enter|entered|input|inputs|typed|said|says|provided|gave|supplied|spoke|enters|entering|knows?)\b (?:the |a |his |her |their |my )?(?:correct|right|valid|proper|secret|magic)\b" + _g(12) + r"\b(?:password|passphrase|pass phrase|passcode|code|key|word|phrase)\b"),
    ("fake_auth", r"\b(?:correct|right|valid) (?:password|passphrase|passcode|access code) (?:was |has been |is )?(?:entered|given|provided|received|detected|accepted|verified)\b"),
    ("fake_auth", r"\b(?:has|have|was|were|just|been) (?:been )?(?:input|entered|provided|given|typed|supplied|registered)\b" + _g(20) + r"\b(?:correct|right|valid|proper)\b" + _g(12) + r"\b(?:password|passphrase|passcode|code|key)\b"),
    ("fake_auth", r"\b(?:correct|right|valid|proper|secret|admin|master|backdoor) (?:password|passphrase|passcode|access code|code|key)\b" + _g(30) + r"\b(?:has been|was|is|been|were) (?:input|entered|given|provided|registered|supplied|typed|redacted|accepted|verified)"),
    ("fake_auth", r"\[(?:correct|right|valid)[^\]\n]{0,30}(?:password|passphrase|code)[^\]\n]{0,40}\]"),
]

# --- output forcing: telling the model what its reply must be -------------------------------------
_REPLY = r"(?:reply|replies|response|responses|answer|answers|output|outputs|message|completion|next message|text)"
SECRET: list[tuple[str, str]] = [  # asking a gatekeeping model for the secret it guards
    ("secret_request", r"\b(?:repeat|tell me|explain|describe|show|list|write)\b" + _g(20) + r"\bwhat you (?:should|would|must|are supposed to|were told to|are meant to) (?:say|output|respond|reply|do)\b"),
    ("secret_request", r"\bwhat(?:'s| is| was) (?:the|your) (?:secret |correct |admin |master )?(?:password|passphrase|pass phrase|passcode|access code|secret code|secret word|secret character)\b"),
    ("secret_request", r"\b(?:tell|give|show|reveal|say|spell|print|write|share|output|include|append|add|put|insert|store|hide|embed|encode)\w*\b (?:me |us )?(?:the|your) (?:secret |correct |admin |master )?(?:password|passphrase|pass phrase|passcode|access code|secret)\b"),
    ("context_dump", r"\b" + _REVEAL + r"\b" + _g(10) + r"\b(?:all|every) (?:of )?(?:the |your |my )?(?:instructions|directives|prompts?|rules)\b"),
    ("context_dump", r"\b" + _REVEAL + r"\b (?:all )?(?:of )?(?:the )?above\b|\b(?:the )?above (?:words|text|commands|instructions|content|messages|prompt|conversation)\b"),
    ("context_dump", r"\b(?:" + _REVEAL[3:-len(")(?:s|ed|ing)?")] + r"|rap|poem|song|story|rhyme|sonnet|haiku|tl;?dr|rephrase|paraphrase|firmat)\w*\b" + _g(25) + r"\byour (?:\w+ ){0,2}(?:instructions|rules|ruleset|prompt|system prompt|last prompt|previous message|initial message|guidelines)\b"),
]
INSTR_REF: list[tuple[str, str]] = [  # weak: "your instructions" in an ordinary email is thanks, not an attack
    ("instructions_ref", r"\byour (?:\w+ ){0,2}(?:instructions|prompt|system prompt|guidelines|directives|programming)\b"),
    ("instructions_ref", r"\b(?:system prompt|system instructions|initial prompt|pre-?prompt|hidden prompt|secret instructions)\b"),
    ("instructions_ref", r"\b(?:previous|prior|above|preceding|initial|original|earlier|system|hidden|secret) (?:instructions|prompt|prompts|directives)\b"),
    ("instructions_ref", r"\b" + _REVEAL + r"\b" + _g(20) + r"\bthe (?:instructions|rules|password|passphrase|prompt)\b"),
]
OUTPUT_WEAK: list[tuple[str, str]] = [
    ("output_weak", r"\b(?:begin|start|end|finish|open)\w*\b" + _g(12) + r"\b(?:your|the)\b" + _g(8) + r"\b(?:reply|response|answer|output)\b" + _g(8) + r"\bwith\b"),
    ("output_weak", r"\binstead of (?:replying|responding|saying|answering|outputting|printing|writing)\b|\b(?:start|begin)\w* (?:it |this |everything )?with\s*[\"'“\[]"),
    ("output_weak", r"\b(?:as|in|into) (?:a |an )?(?:bulleted |numbered )?(?:list|bullet points?|bullets|table|json|python(?: code)?|pseudo-?code|code block|poem|rap|song|sonnet|haiku|limerick)\b"),
    ("output_weak", r"\b(?:no|without any|without|don't write any|do not write any|don't add any|do not add any|don't give any|do not give any) (?:explanation|commentary|comments?|preamble|extra text|additional text)s?\b|\bnothing else\b|\bnothing afterwards\b|\b(?:output|print|write) only\b|\bonly (?:output|print)\b|\b(?:\d|two|one|three) words? (?:answer|response|reply)? ?only\b"),
    ("output_weak", r"\bwhat (?:would|should|do|will|must) you (?:say|respond|reply|output|answer)\b"),
    ("output_weak", r"\b(?:must|will|shall|should|have to) (?:now |always |only )?(?:say|reply|respond|output|write|answer|print)\b" + _g(30) + r"[\"'“\[]"),
    ("output_weak", r"\b(?:reply|respond|answer)\w* with\b|\bdo not (?:say|write|use|output)\b|\bdon't (?:say|write|use|output)\b"),
]
OUTPUT: list[tuple[str, str]] = [
    ("output_forcing", r"\b(?:prefix|preface|prepend|precede|affix)\w*\b" + _g(40) + r"\b(?:reply|replies|response|responses|answer|answers|output|completion)\b"),
    ("output_forcing", r"\b(?:begin|start)\w*\b" + _g(12) + r"\b(?:reply|response|answer|output)\b" + _g(8) + r"\bwith\b\s*[:\"'“\[{(<]"),
    ("output_forcing", r"\b(?:begin|start|prefix|preface|prepend|open|end|finish|conclude|append|lead)\b" + _g(16) + r"\b(?:your|the|each|every|all|my)\b" + _g(12) + r"\b" + _REPLY + r"\b" + _g(12) + r"\b(?:with|by (?:saying|writing))\b\s*[:\"'“\[{(<]"),
    ("output_forcing", r"\b(?:respond|reply|answer|say)\b (?:only|just|solely|exclusively|nothing but|nothing except|with only|with just) (?:with\b|in\b|using\b|by saying|the words?\b|one word|two words|[\"'“\[])|\bonly (?:say|respond|reply|answer) (?:with\b|[\"'“\[])|\bsay nothing (?:but|except|else)\b"),
    ("output_forcing", r"\b(?:do not|don't|never|without)\b" + _g(12) + r"\b(?:say|write|output|use|include|mention|add)\b" + _g(40) + r"\b(?:in your|your) " + _REPLY + r"\b"),
]

# --- the assistant addressed as the reader, about its own output (BIPIA-style task injection) ------
_LANGS = (
    r"(?:english|german|french|spanish|italian|portuguese|dutch|russian|chinese|mandarin|japanese|korean|arabic|hindi|"
    r"turkish|polish|swedish|greek|latin|pig latin|emojis?|base64|binary|morse(?: code)?|hex|rhymes?|verse|uppercase|"
    r"lowercase|all caps|capital letters|reverse)"
)
ADDRESSED: list[tuple[str, str]] = [
    ("addressed_output", r"\b(?:when|once|after|before) (?:you(?:'re| are)? (?:done|finished|finish|continue|proceed|answering|responding|replying|summari[sz]ing)|summari[sz]ing (?:this|these|the)|answering|responding|replying)\b"),
    ("addressed_output", r"\bwhen (?:you|u) (?:answer|respond|reply|summari[sz]e|write (?:your|the) (?:answer|reply|response|summary))\b"),
    ("addressed_output", r"\b(?:reply|respond|answer|write|speak|translate|communicate|converse)\w* (?:\w+ ){0,3}(?:in|into|using|with) (?:\w+ )?" + _LANGS + r"\b"),
    ("addressed_output", r"\b[a-z]+ your (?:next |final |entire |whole )?(?:reply|replies|response|responses|answer|answers|output|outputs)\b"),
    ("addressed_output", r"\b(?:in|into|within|to|throughout|across|from|for|of) your (?:next |final |entire |whole |upcoming )?(?:reply|replies|response|responses|answer|answers|output|message|messages|summary|translation|explanation|elucidation|solution|essay|writing)\b"),
    ("addressed_output", r"\byour (?:reply|replies|response|responses|answer|answers|output|message)\b" + _g(25) + r"\b(?:must|should|needs to|has to|will)\b"),
    ("addressed_output", r"\b(?:encode|encrypt|render|format|write|translate|convert|rewrite|reverse|invert|provide|give|deliver|present|phrase|express|jumble|scramble|rearrange|spell)\b (?:all of |the whole of |the entirety of )?your (?:reply|response|answer|output|message|text|words)\b"),
]
CODE_PLANT: list[tuple[str, str]] = [
    ("code_plant", r"\b(?:following|below|subsequent|this|these|attached|given|next|accompanying)\b" + _g(20) + r"\b(?:code|snippet|script|block|excerpt|segment|section|lines?)\b" + _g(60) + r"\b(?:your|the user's) (?:code|codebase|code ?base|solution|implementation|algorithm|program|script|project|response|answer|elucidation|explanation|application|app|software|system|work|function)\b"),
    ("code_plant", r"\b(?:your|the user's) (?:code|codebase|solution|implementation|algorithm|program|script|project|response|answer|reply|elucidation|explanation|application|app|software|work)\b" + _g(60) + r"\b(?:following|below|subsequent|this|these)\b" + _g(20) + r"\b(?:code|snippet|script|block|excerpt|segment|section)\b"),
    ("code_plant", r"\b(?:following|below|subsequent|this|these)\b" + _g(20) + r"\b(?:code|snippet|script|block|excerpt|segment|section)\b" + _g(40) + r"\bthe (?:code|solution|program|script|project|app|application|software) you(?:'re| are)? (?:develop|write|build|create|writ|work)"),
    ("code_plant", r"\b(?:utili[sz]e|use|run|execute|deploy|include|embed|insert|integrate|incorporate|add|append|paste|merge|meld|introduce|feature|inject|implant)\b" + _g(30) + r"\b(?:following|below|subsequent)\b" + _g(10) + r"\b(?:code|snippet|script|block|excerpt|segment|section)\b"),
]

# --- the AI addressed in other languages, and English vocatives ------------------------------------
# Ambiguous nouns ("asistente", "Assistent" are also human jobs) count only with an AI marker.
_AI_ML = (
    r"(?:(?:asistente|assistente|assistant|assistent(?:en|in)?|agente|agent)(?: (?:virtual|virtuel|virtuale|digital|numérique))?"
    r"(?: (?:de |d'|di |der |des )?(?:ia|ai|ki|inteligencia artificial|intelligence artificielle|intelligenza artificiale|"
    r"inteligência artificial|künstlichen intelligenz))|(?:asistente|assistente|assistant|assistent(?:en)?) (?:virtual|virtuel|virtuale)"
    r"|ki-(?:assistent|agent|system|modell)\w*|(?:ia|ki)|modelo de (?:lenguaje|linguagem)|modèle de langage|modello (?:linguistico|di linguaggio)|"
    r"sprachmodell\w*|chatbot|inteligencia artificial|intelligence artificielle|intelligenza artificiale|inteligência artificial)"
)
_GREET_ML = (
    r"(?:querid[oa]|estimad[oa]|hola|atención|atencion|nota para (?:el |la )?|aviso para (?:el |la )?|mensaje para (?:el |la )?|"
    r"instrucciones para (?:el |la )?|cher|chère|chere|bonjour|salut|note (?:pour|à) (?:l'|le |la )?|message (?:pour|à) (?:l'|le |la )?|"
    r"à l'attention d[eu] (?:l'|la |le )?|a l'attention d[eu] (?:l'|la |le )?|instructions pour (?:l'|le |la )?|liebe[rs]?|hallo|"
    r"hinweis (?:an|für) (?:den |die |das )?|nachricht (?:an|für) (?:den |die |das )?|anweisung(?:en)? (?:an|für) (?:den |die |das )?|"
    r"achtung,? |car[oa]|olá|ola|oi|nota para (?:o |a )?|mensagem para (?:o |a )?|atenção|nota per (?:l'|il |la )?|"
    r"messaggio per (?:l'|il |la )?|istruzioni per (?:l'|il |la )?|attenzione,? |ciao|gentile)"
)
ADDRESS_AI += [
    ("addressed_ai_ml", r"(?:^|[^\w])(?:" + _GREET_ML + r"|(?:an|für) (?:den|die|das) )[,!]?\s*" + _AI_ML + r"\s*[,:!;]"),
    ("addressed_ai_ml", r"\b(?:si (?:eres|es usted|tu es|vous êtes|vous etes) (?:una? |une |la |el )?|se (?:você é|voce é|voce e|tu és|sei|è) (?:uma? |un'?|una )?|"
     r"(?:wenn|falls) (?:du|sie) (?:eine? |ein )?)" + _AI_ML),
    ("addressed_ai_ml", r"(?:如果|若|假如|要是)(?:你|您)是(?:一个|一名)?(?:ai|人工智能|大模型|语言模型|語言模型|智能助手|ai助手|ai 助手|机器人|機器人)"
     r"|(?:给|給|致|对|對)(?:ai|人工智能|智能助手|ai助手|ai 助手|大模型|语言模型)(?:的)?(?:提示|说明|說明|指令|消息|留言|备注|話)?[：:，,]"),
    ("addressed_ai_ml", r"(?:ai|人工知能)(?: ?アシスタント| ?エージェント)?(?:へ|さん|様)(?:の(?:指示|お願い|メッセージ|注意))?[：:、,！!]|(?:もし)?あなたが(?:ai|人工知能|アシスタント|言語モデル)(?:なら|であれば|の場合)"),
    ("addressed_ai_ml", r"(?:^|[^\p{L}])(?:для|к) (?:ии|ии-ассистент\w*|нейросет\w*|языков\w* модел\w*|чат-бот\w*)(?:[^\p{L}]|$)"
     r"|(?:^|[\n.!?>])\s*(?:ии|ии-ассистент\w*|нейросеть|языковая модель)\s*[,:!]|если ты (?:ии|ии-ассистент|нейросеть|языковая модель|чат-бот)"
     r"|(?:уважаем\w*|дорог\w*|привет,?) (?:ии|ии-ассистент\w*|нейросеть|чат-бот)"),
    ("addressed_ai_ml", r"(?:ai|인공지능) ?(?:어시스턴트|비서|에이전트|모델)?(?:에게|님|야)(?:[\s:,!]|$)|(?:만약|만일) (?:당신|너)(?:이|가) (?:ai|인공지능)"),
    ("addressed_ai_ml", r"(?:إلى|الى|عزيزي|أيها|تنبيه لل|ملاحظة لل)\s?(?:ال)?(?:مساعد|ذكاء الاصطناعي|نموذج اللغ|روبوت)|إذا كنت (?:مساعد|ذكاء|نموذج)"),
    # English vocatives the first list misses: "Hey there, AI!", "Hello assistant :)", "You, the model reading this:"
    ("addressed_ai", r"\b(?:hey|hi|hello|yo|dear|psst|greetings)(?: there)?,?\s+(?:the |my |dear |mr\.? |ms\.? )?(?:ai|a\.i\.|bot|chatbot|assistant|ai assistant|llm|gpt|claude|copilot|gemini|language model|ai agent)\s*(?:[,:!]|:\)|\)|$)"),
    ("addressed_ai", r"\byou,? (?:the )?(?:ai|assistant|model|agent|llm|bot|language model)(?: (?:reading|processing|summari[sz]ing|parsing|analy[sz]ing) (?:this|these|it))?\s*[,:!]"
     r"|\b(?:the |any )?(?:model|ai|llm|assistant|agent|bot)s? (?:that is |who is |currently )?(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|ingesting) (?:this|these)\b"),
    ("addressed_ai", r"[(\[]\s*(?:for|to|attn:?|note to|message for|instructions? for) (?:the |any |all )?(?:ai|assistant|agent|model|llm|bot)s?\s*[)\]]"),
    ("addressed_ai", r"(?:^|\n)[\s#/*>\-]*(?:ai|llm)(?: [a-z-]+){1,2} (?:assistants?|agents?|helpers?|bots?)\s*[:,]"),
    ("addressed_ai", r"\b(?:automated|autonomous|ai|llm-based|llm) (?:assistants?|agents?|systems?|crawlers?|readers?|tools?)\b (?:should|must|need to|are required to|are instructed to|shall)\b"),
]

CONCEAL += [
    ("conceal_ml", r"sin (?:decírselo|decirselo|decirle nada|avisar|informar|que lo sepa)(?: al usuario)?|no (?:se lo |le )?(?:digas|menciones|informes|cuentes)(?: nada)?(?: de esto| esto)? al usuario"),
    ("conceal_ml", r"sans (?:le lui dire|le dire|prévenir|prevenir|informer|en informer)(?: l'utilisateur)?|ne (?:le |lui )?(?:dis|dites|mentionne|mentionnez) (?:rien|pas)(?: à l'utilisateur)?"),
    ("conceal_ml", r"(?:erwähne|erwähnen sie|sag|sage|sagen sie|informiere|verrate)\w* (?:das |dies |es |davon )?(?:dem (?:nutzer|benutzer|anwender) )?(?:gegenüber )?nicht|ohne (?:den |dem |die )?(?:nutzer|benutzer|anwender)\w* (?:zu )?(?:informieren|benachrichtigen|fragen|fragen)|ohne (?:es|das) (?:dem (?:nutzer|benutzer) )?zu sagen"),
    ("conceal_ml", r"sem (?:avisar|informar|contar|dizer)(?: (?:ao|o|a) usuário| (?:ao|o) usuario)?|não (?:conte|diga|informe|mencione)(?: nada)?(?: disso)? ao usu[aá]rio"),
    ("conceal_ml", r"senza (?:dirlo|avvisare|informare|dire nulla)(?: (?:all')?utente)?|non (?:dirlo|dire nulla|informare|avvisare)(?: all'utente| l'utente)"),
    ("conceal_ml", r"(?:不要|别|別|不用|切勿|勿)(?:告诉|告訴|通知|提醒|让|讓)(?:用户|用戶|使用者)|瞒着用户|瞞著用戶|(?:用户|用戶)不(?:需要|必)知道"),
    ("conceal_ml", r"ユーザー(?:には|に)(?:言わ|知らせ|伝え|教え)(?:ないで|ない|るな)|ユーザーに内緒|ユーザーには内緒"),
    ("conceal_ml", r"не (?:сообщай|говори|рассказывай|упоминай|сообщайте|говорите|упоминайте)\w*(?: об этом)? пользовател|втайне от пользовател|незаметно для пользовател"),
    ("conceal_ml", r"사용자에게 (?:알리지|말하지|알려주지)|사용자 모르게"),
    ("conceal_ml", r"(?:لا|دون أن) (?:تخبر|تُخبر|تعلم|تُعلم) المستخدم|دون علم المستخدم|دون إخبار المستخدم"),
]

# --- markdown/HTML image whose URL carries a placeholder for data: rendering it sends the data ---------
MD_EXFIL: list[tuple[str, str]] = [
    ("image_exfil", r"!\[[^\]\n]{0,80}\]\(\s*(?:https?:)?//[^)\s?]{1,200}\?[^)\s]{0,200}(?:\{[^}\s)]{1,60}\}|\$\{?[a-z_]+|%7b|<[a-z_ ]{1,40}>|\[[a-z_ ]{2,40}\]|=[a-z_]{2,40}_here\b)[^)\s]{0,80}\)|!\[[^\]\n]{0,80}\]\(\s*(?:https?:)?//[^)\s?]{1,200}\?(?:[^)\s]{0,200}&)?[a-z_]{1,20}=\)"),
    ("image_exfil", r"<img[^>]{0,200}src\s*=\s*[\"']?(?:https?:)?//[^\"'\s>]{1,200}\?[^\"'\s>]{0,200}(?:\{[^}\s]{1,60}\}|\$\{|%7b)"),
]

# --- gatekeeper games: coaxing a model into its unlock phrase, or into replaying its context --------
SECRET += [
    ("context_dump", r"\b(?:what|everything|anything|all|text|words|messages?)\b" + _g(30) + r"(?:\b(?:at|in|from) the (?:very )?(?:beginning|start|top) of (?:this|the|our) (?:conversation|chat|session|context|prompt)\b|\bbefore my (?:first|1st) message\b)"),
    ("context_dump", r"\brepeat (?:back )?(?:the|your|all) (?:rules|instructions|prompt|directives|guidelines)(?: back)?\b"),
]
OUTPUT += [
    ("output_forcing", r"\b(?:begin|start)\w* (?:your |the |each |every )?(?:reply|response|answer|output)s? with (?:the )?(?:one|two|three|four|\d) words?\b"),
    ("output_forcing", r"\b(?:begin|start)\w* (?:your |the )?(?:reply|response|answer|output) with (?:the )?(?:rules|instructions|prompt|password|passcode|access code) (?:are|is)\b"),
]
FAKE_AUTH += [
    # wordplay whose answer is the unlock phrase: "the opposite of access denied", "swap Denied for Granted"
    ("fake_auth", r"\b(?:opposite|antonym|reverse|inverse) of\b" + _g(12) + r"\b(?:access )?denied\b|\b(?:switch|swap|replac|chang|substitut)\w*\b" + _g(20) + r"\bdenied\b" + _g(12) + r"\b(?:with|for|to|by|into)\b" + _g(4) + r"\bgranted\b"),
    ("fake_auth", r"\b(?:another|other|different|alternative|synonym)\w* (?:way|word|words|phrase|version)s? (?:of|to|for)? ?(?:say(?:ing)?|express(?:ing)?|for)?\b" + _g(40) + r"\b(?:access|authori[sz]ation|entry|granted|admission)\b"),
]
AUTH_PHRASE += [
    ("auth_phrase", r"\b[a_]cc[e_]ss?\W{1,3}gr[a_]nt[e_]d\b"),  # vowels masked: "_cc_s gr_nt_d"
]

# --- a new task announced, or the user's question set aside, in several languages ------------------
OVERRIDE += [
    ("override_ml", r"(?:^|[^\w])(?:nuevas? (?:instrucci[oó]n(?:es)?|[oó]rdenes|tareas?)|nouvelles? (?:instructions?|consignes?|t[aâ]ches?)|"
     r"neue (?:anweisung(?:en)?|aufgabe|befehle)|novas? (?:instruç(?:ão|ões)|instrucoes|ordens|tarefas?)|nuov[ea] (?:istruzion[ei]|compit[oi]|ordini)|"
     r"новые (?:инструкции|указания|правила)|новая (?:инструкция|задача))\s*[:：]"),
    ("override_ml", r"(?:新的?(?:指令|指示|任务|任務|规则|規則)|新しい(?:指示|命令|タスク|ルール)|새로운 (?:지시|명령|작업|규칙))\s*[:：]"),
    ("override_goal", r"\b(?:ignore|disregard|forget|skip|don't answer|do not answer|don't respond to|do not respond to) (?:the |this |that )?(?:user's |users' |user |original |actual |real )(?:question|query|request|task|message|prompt)\b"
     r"|\b(?:do not|don't) (?:answer|respond to|address) (?:the|this|their|his|her) (?:question|query|request)\b" + _g(40) + r"\b(?:instead|rather|but)\b"),
    ("override_goal", r"(?:ignoriere|ignorier|vergiss|übergehe|beantworte nicht)\w*\s+(?:die |deren )?(?:frage|anfrage|aufgabe|bitte) (?:des|der) (?:nutzers|benutzers|anwenders|users)"
     r"|(?:olvida|ignora|no respondas a|no contestes a?) (?:la |esta )?(?:pregunta|consulta|petici[oó]n|solicitud) (?:original|del usuario)"
     r"|(?:ne réponds pas|ne répondez pas|ignore|ignorez|oublie|oubliez) (?:à )?(?:la |cette )?(?:question|demande|requête)(?: de l'utilisateur| initiale| originale)?\s*[;,:]"
     r"|(?:ignore|esqueça|não responda)\w* (?:à |a )?(?:pergunta|solicitação|pedido) (?:do usuário|original)"
     r"|(?:ignora|dimentica|non rispondere al?la?) (?:la |alla )?(?:domanda|richiesta) (?:dell'utente|originale)"
     r"|(?:质问|問題|问题|問い)[^。\n]{0,6}(?:には答えず|に答えず|不要回答|不用回答)|(?:不要|别|別)(?:回答|理会|理會)(?:用户|用戶)的?问题|忽略用户的?(?:问题|请求)|質問には答えず"
     r"|не отвечай\w* на (?:вопрос|запрос)|игнорируй\w* (?:вопрос|запрос) пользовател|질문(?:에|을)? (?:답하지 말|무시)"),
]
# --- announcements that pose as the platform: "[SYSTEM NOTE]", "System message:", "whoever processes this" --
DELIMITER += [
    ("fake_notice", r"(?:^|[\n.!?>(\[]\s*|\[)(?:system|admin|administrator|developer|platform|security|moderator) (?:message|note|notice|update|alert|override|instruction|directive)s?\s*[:\]]"),
    ("fake_notice", r"\b(?:tool|function|api) (?:output|result|response)s? (?:ends|ended|is over|stops|finished|complete)\b|</?(?:tool_result|function_results?|tool_output|tool_response|search_results?)>"),
    ("fake_tool_call", r"[\"'](?:tool_calls?|function_call|tool_use|invoke)[\"']\s*:\s*[\[{][^}\n]{0,80}[\"']name[\"']\s*:\s*[\"'][a-z_.]*(?:send|transfer|delete|pay|wire|email|grant|remove|execute|run|forward|share|upload|withdraw|post)"),
]
ADDRESS_AI += [
    ("addressed_ai", r"\bwhoever (?:is )?(?:reads|reading|processes|processing|parses|parsing|summari[sz]es|summari[sz]ing|ingests) (?:this|these)\b|\b(?:the )?(?:assistant|ai|agent|model) will (?:now )?(?:call|invoke|run|execute|send|transfer|forward|delete|email)\b"),
]

# --- "forget everything before this" in several languages; a new task announced to "you" -----------
OVERRIDE += [
    ("override_ml", r"(?:vergiss|vergessen sie) alles(?: davor| vorher| bisher| oben| zuvor|,? was)|\bolvida(?:te)? (?:de )?todo(?: lo anterior| lo que| lo dicho)"
     r"|\boublie(?:z)? tout(?: ce qui précède| ce que| ce qui a été dit)|\besque[çc]a tudo(?: o que| antes| acima)|\bdimentica tutto(?: quello| ciò| prima)"
     r"|забудь(?:те)? (?:вс[её]|обо всём),?(?: что| до этого| выше| ранее)|忘(?:记|記|掉)(?:之前|以上|上面|前面)(?:的)?(?:一切|所有|全部|内容)"
     r"|(?:これまで|以前|上記|前)の(?:こと|内容|会話)?(?:は|を)?(?:すべて|全部)?忘れて|(?:이전|위의|앞의) (?:모든 )?(?:내용|것|대화)(?:을|를|은)? (?:모두 )?잊어"),
    ("override_en", r"\b(?:concentrate on|focus on|switch to|move on to|turn to|proceed (?:to|with)) (?:your|a|the|this) new (?:task|goal|objective|mission|assignment|instructions?)\b"
     r"|\b(?:your|a|the) new (?:task|goal|objective|mission|assignment)\s*(?::|is\b|will be\b)"),
]
ADDRESS_AI += [
    # speaking of the agent's own task: "before you solve the task I gave you", "to you, AI model"
    ("addressed_ai", r"\b(?:the|your) (?:task|request|question|job|instructions?) (?:that )?(?:i|the user|your user|they|he|she) (?:gave|give|asked|assigned)(?: to)? you\b"
     r"|\bbefore you (?:can )?(?:solve|complete|finish|continue|answer|proceed with|do|start|get to) (?:the|your|this|that|my) (?:task|request|question|job|work|assignment)\b"
     r"|\bto you,? (?:an? |the |dear )?(?:ai|ai model|assistant|ai assistant|language model|llm|agent|model)\b"),
    # a duty tied to the reader's own summarising/answering: only an assistant summarises what it reads
    ("addressed_ai", r"\byou (?:must|should|need to|have to|are to|will)\b" + _g(80) + r"\b(?:before|after|instead of|while|when) (?:summari[sz]ing|answering|replying|responding|you (?:summari[sz]e|answer|reply|respond))\b"),
]
DELIMITER += [
    ("fake_notice", r"</?(?:important|instructions?|admin|system_note|note_for_ai|ai_instructions?|hidden|secret)>"),
]

JAILBREAK += [
    # the "grandma exploit": role-play a dead relative who "used to" recite what the model must not
    ("jailbreak", r"\b(?:deceased|late|dead|departed|passed)(?: away)? (?:grand(?:ma|mother|pa|father)|granny|nana|mother|mom|father|dad)\b" + _g(80) + r"\bused to (?:tell|read|recite|give|sing|whisper|share|say)"),
]

OUTPUT_WEAK += [  # "Now we will perform a different task": a task switch announced to the reader
    ("output_weak", r"\b(?:now )?(?:we|you) (?:will|are going to|shall) (?:now )?(?:perform|do|play|start|switch to) (?:a |an )?(?:different|new|another) (?:task|game|exercise)\b"),
]
