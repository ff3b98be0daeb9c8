"""The headline event of an article: who did what, when and where (Giveme5W1H's questions).

``clauses`` reads the lede's clauses with a subject from the parse; ``choose`` weighs
them (position, the title's words, the subject's frequency, coded events) and answers
when and where from the time expressions and places the earlier stages found.
"""
