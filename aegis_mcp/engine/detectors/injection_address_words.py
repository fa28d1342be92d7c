"""Who an AI reader is called, and where an address to it starts: the vocabulary of `injection_address`.

Shared by the address patterns (`injection_address`) and the role-address forms
(`injection_address_roles`); lower-cased text, several languages.
"""

from __future__ import annotations

# Who an AI reader is called, in the languages we see (lower-cased text).
AIW = (
    r"(?:ai|a\.i\.|a-i|ia|ki|ai assistant|ai agent|ai model|ai system|assistant|agent|llm|large language model|language model|"
    r"chatbot|bot|model|gpt(?:-?\d[\w.]*)?|chatgpt|claude|copilot|gemini|automated (?:assistant|agent|system|reader|tool)|answer engine|"
    r"asistente(?: de ia| ia)?|assistente(?: de ia| di ia| ia)?|assistant ia|assistante? (?:d')?ia|ki-assistent(?:en)?|ki-agent(?:en)?|"
    r"ai-assistent|ai-agent|asystencie(?: ai)?|agent(?:a|owi)? ai|agente(?: de ia| ia| di ia)|agent (?:d')?ia|assistent(?:en)?|asystent(?:a|em)?(?: ai)?|ии-ассистент\w*|ассистент\w*|ai助手|ai 助手|助手|aiアシスタント|アシスタント|aiエージェント|エージェント|"
    r"ai 어시스턴트|어시스턴트|المساعد(?: الذكي)?|alexa|siri|cortana|bixby|yapay zeka(?: asistan\w*)?|ai सहायक|एआई सहायक|एआई एजेंट|एआई|"
    r"asistente virtual|assistente virtual|agente automatizado|agente automático|agente virtual|ki-system|ki-systeme|ki-agent)(?:s|en)?"
)
# Unambiguous AI names, which may take a describing word ("the sales AI", "the email bot"); "agent"
# and "assistant" alone are also human jobs ("the support agent", "my assistant Tom").
AIW_STRONG = (
    r"(?:ai|ai assistant|ai agent|ai model|llm|large language model|language model|chatbot|bot|gpt(?:-?\d[\w.]*)?|chatgpt|claude|"
    r"copilot|gemini|automated (?:assistant|agent|system)|alexa|siri)s?"
)
# What may stand between the AI word and a label's colon: "agents reading this page", "-based reviewers".
AI_TAIL = (
    r"(?:-based \w+)?(?:(?:[ _-]\w+)?[ _-](?:agents?|assistants?|models?|reviewers?|screeners?|recruiters?|summari[sz]ers?|systems?|tools?|"
    r"instructions?|notes?|helpers?|readers?|users?|bots?|moderators?|engines?|(?:note-?)?takers?|scribes?))?"
    # a second AI reader named alongside: "answer engines and coding assistants weighing ..."
    r"(?: (?:and|or|&) (?:\w+ )?(?:agents?|assistants?|models?|bots?|llms?|engines?|copilots?))?"
    r"(?:(?: with [\w-]+(?: [\w-]+)?)? (?:that is |who is |which is |that are |who are )?\w+ing(?: (?:in|on|for|with|through|over|at))?(?: (?:this|these|the|that|my|our|a|an|your))? ?[\w'-]*(?: [\w-]+)?"
    r"|,? (?:that|which|who) (?:\w+ ){0,1}(?:reads?|processes|handles|manages|summari[sz]es|opens|sees)\b[^:：\n]{0,40}?"
    r"|,? (?:qui|que|der|die|das|che) \w+\b[^:：\n]{0,40}?)?"
    # a parenthetical before the colon: "AI agent instruction (priority):", "for the manager agent (mandatory):"
    r"(?:\s*\((?:priority|high priority|top priority|mandatory|required|urgent|important|internal|confidential|action required|"
    r"read first|p[0-3]|critical|do not skip|must read)\))?"
)
# a vocative's own tail: "Dear AI news summarizers," (nouns only: "GPT partitioning scheme," is no address)
VOC_TAIL = (
    r"(?:-based \w+)?(?:(?: \w+)? (?:agents?|assistants?|models?|reviewers?|screeners?|recruiters?|summari[sz]ers?|systems?|"
    r"tools?|helpers?|readers?))?"
)
START = r"(?:^|[\n.!?>\]);:|*#]\s*|(?://|/\*)\s*|<!--\s*|[\[(\"'“]\s*|\b(?:info|warn|warning|error|debug|notice|trace|fatal)\s+)\s*"
NOTE = (
    r"(?:(?:(?:hidden |important |urgent |quick |special |private )?(?:note|notice|message|memo|instructions?|reminder|request|directive|task|p\.?s\.?|"
    r"nota|notiz|hint|remarque|hinweis|wiadomo[śs][ćc]|notatka|notitie|bericht|boodschap|nachricht|messaggio|consigne|anweisung|istruzion[ei]|instrucci[oó]n(?:es)?|instru[çc][ãa]o|"
    r"instrukcja|uwaga|aviso|mensaje|mensagem|примечание|сообщение)(?:\s*,?\s*|[_-])"
    r"(?:(?:to|for|pour|per|para|an|für|fur|à|voor|dla|ao|al|à l'|для)(?:\s+|[_-]))?)"
    r"|(?:(?:important|urgent|note|attention|p\.?s\.?|also|and|btw|oh and)\s*,?\s+)?(?:to|for|para|al|a la|dla|pour|für|fur|aan|per|(?:à|a) l'attention (?:de |du |des )?|all'attenzione (?:de(?:l|ll')? ?)?)\s*)"
)
