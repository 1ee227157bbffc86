"""Reading expression text: the tokenizer and the hand-written parser.

The grammar and the rules are described in :mod:`game.engine.expr`, which turns the
tree built here into a checked, callable :class:`~game.engine.expr.Expr`.  Nothing
here hands scenario text to Python; every problem is an :class:`ExprError` with a
1-based column.
"""
from __future__ import annotations

MAX_LENGTH = 2000  # longer source text is rejected at column 1
MAX_DEPTH = 64     # nesting of '(', 'not' and unary '-'
MAX_DIGITS = 9     # longest allowed number literal

_CMP_OPS = ('==', '!=', '<', '<=', '>', '>=')
RESERVED = frozenset(
    ('true', 'false', 'and', 'or', 'not', 'mood', 'difficulty', 'statement_written'))
_CONNECTIVES = "use 'and', 'or', 'not'"
_WORD_HINTS = {
    'og': _CONNECTIVES, 'eller': _CONNECTIVES, 'ikke': _CONNECTIVES,
    'sand': "write 'true'", 'falsk': "write 'false'", 'is': "to compare, write '=='",
}
_STRINGS = "strings are not allowed in expressions"
_ARITH = "only '+' and '-' are allowed for arithmetic"
_BAD_PAIRS = {
    '**': f"'**' is not allowed: {_ARITH}", '=>': "unexpected '=>' — write '>='",
    '=<': "unexpected '=<' — write '<='", '&&': "unexpected '&&' — write 'and'",
    '||': "unexpected '||' — write 'or'",
}
_BAD_CHARS = {
    '"': _STRINGS, "'": _STRINGS, '`': _STRINGS,
    '=': "unexpected '=' — to compare, write '=='",
    '!': "unexpected '!' — write 'not' to negate, or '!=' for 'is not equal to'",
    '&': "unexpected '&' — write 'and'", '|': "unexpected '|' — write 'or'",
    '*': f"'*' is not allowed: {_ARITH}", '/': f"'/' is not allowed: {_ARITH}",
    '%': f"'%' is not allowed: {_ARITH}",
    '[': "indexing with '[...]' is not allowed", ']': "indexing with '[...]' is not allowed",
    '.': "'.' is only allowed in 'mood.<character>' (no spaces), e.g. 'mood.mette'",
    ',': "unexpected ',' — function calls and lists are not allowed",
    '\n': "line breaks are not allowed inside an expression",
    '\r': "line breaks are not allowed inside an expression",
}
_MOOD_HELP = "'mood' must be followed by '.<character>', e.g. 'mood.mette' (no spaces around the '.')"


class ExprError(Exception):
    """Problem in an expression.

    ``.column`` is the 1-based column in the expression text; ``.message`` is
    a plain English sentence saying what is wrong and what to do.
    """

    def __init__(self, message: str, column: int):
        super().__init__(message, column)
        self.message = message
        self.column = column

    def __str__(self) -> str:
        return f"{self.message} (at column {self.column})"


class Token:
    """A token: kind is 'num', 'bool', 'name', 'op', 'eof' or 'error'."""
    __slots__ = ('kind', 'value', 'start', 'end')

    def __init__(self, kind: str, value, start: int, end: int):
        self.kind, self.value, self.start, self.end = kind, value, start, end


class SyntaxNode:
    """A tree node; start/end are 0-based offsets of its text in the source.

    kind is 'const', 'name', 'neg', 'not', 'and', 'or', 'sum' or 'cmp'; ops
    holds the operator tokens ('and', 'or', 'sum': the ones between the kids).
    """
    __slots__ = ('kind', 'value', 'start', 'end', 'kids', 'ops')

    def __init__(self, kind, value, start, end, kids=(), ops=()):
        self.kind, self.value, self.start, self.end = kind, value, start, end
        self.kids, self.ops = kids, ops


# ---------------------------------------------------------------- tokenizer

def _tokenize(src: str) -> list[Token]:
    """Split src into tokens; a problem becomes a final 'error' token, so the
    parser reports it only when it gets there (earlier problems win)."""
    toks, i, n = [], 0, len(src)
    while i < n:
        if src[i] in ' \t':
            i += 1
            continue
        try:
            tok = _read_token(src, i)
        except ExprError as err:
            toks.append(Token('error', err.message, err.column - 1, err.column))
            return toks
        toks.append(tok)
        i = tok.end
    toks.append(Token('eof', None, n, n))
    return toks


def _read_token(src: str, i: int) -> Token:
    """Read the token starting at src[i] (not whitespace)."""
    n, ch = len(src), src[i]
    if '0' <= ch <= '9':
        j = i
        while j < n and '0' <= src[j] <= '9':
            j += 1
        if j < n and src[j] == '.':
            raise ExprError("decimal numbers are not allowed: use whole numbers like 2 or 15", i + 1)
        if j < n and (src[j].isalnum() or src[j] == '_'):
            raise ExprError(f"a number cannot be followed directly by {src[j]!r}: names start "
                            "with a letter, and numbers need a space or operator after them", j + 1)
        if j - i > MAX_DIGITS:
            raise ExprError(f"the number {src[i:j]} is too long: use at most {MAX_DIGITS} digits", i + 1)
        return Token('num', int(src[i:j]), i, j)
    if ch.isalpha() or ch == '_':
        j = i
        while j < n and (src[j].isalnum() or src[j] == '_'):
            j += 1
        word = src[i:j]
        _check_word(word, i)
        if word == 'mood':
            return _read_mood(src, i, j)
        if word in ('true', 'false'):
            return Token('bool', word == 'true', i, j)
        if word in ('and', 'or', 'not'):
            return Token('op', word, i, j)
        return Token('name', word, i, j)
    pair = src[i:i + 2]
    if pair in ('==', '!=', '<=', '>='):
        return Token('op', pair, i, i + 2)
    if pair in _BAD_PAIRS:
        raise ExprError(_BAD_PAIRS[pair], i + 1)
    if ch in '+-<>()':
        return Token('op', ch, i, i + 1)
    if ch in _BAD_CHARS:
        raise ExprError(_BAD_CHARS[ch], i + 1)
    if ch.isspace():
        raise ExprError(f"unusual space character {ch!r}: use an ordinary space", i + 1)
    raise ExprError(f"unexpected character {ch!r}", i + 1)


def _check_word(word: str, i: int) -> None:
    """Names are ASCII lowercase; give a hint for anything else."""
    for k, c in enumerate(word):
        if not c.isascii():
            raise ExprError(f"names may only use the letters a-z, digits and '_' — {c!r} is not "
                            "allowed (write e.g. 'ae', 'oe', 'aa' for 'æ', 'ø', 'å')", i + k + 1)
    low = word.lower()
    if low != word:
        if low in RESERVED:
            raise ExprError(f"unknown word '{word}' — write '{low}' (lowercase)", i + 1)
        raise ExprError(f"names must be lowercase: write '{low}' instead of '{word}'", i + 1)


def _read_mood(src: str, i: int, j: int) -> Token:
    """Read 'mood.<character>'; src[i:j] is 'mood'."""
    if j >= len(src) or src[j] != '.':
        raise ExprError(_MOOD_HELP, i + 1)
    k = j + 1
    while k < len(src) and (src[k].isalnum() or src[k] == '_'):
        k += 1
    if k == j + 1:
        raise ExprError(_MOOD_HELP, j + 2)
    for m in range(j + 1, k):
        c = src[m]
        if not ('a' <= c <= 'z' or '0' <= c <= '9' or c == '_'):
            raise ExprError(f"character ids use only lowercase letters a-z, digits and '_' — "
                            f"{c!r} is not allowed", m + 1)
    return Token('name', 'mood.' + src[j + 1:k], i, k)


# ---------------------------------------------------------------- parser

class Parser:
    """Recursive-descent parser producing a SyntaxNode tree."""

    def __init__(self, src: str):
        self.src = src
        self.toks = _tokenize(src)
        self.pos = 0
        self.depth = 0
        self.names: list[tuple[str, int]] = []

    def peek(self) -> Token:
        tok = self.toks[self.pos]
        if tok.kind == 'error':
            raise ExprError(tok.value, tok.start + 1)
        return tok

    def at(self, ops) -> bool:
        tok = self.peek()
        return tok.kind == 'op' and tok.value in ops

    def take(self) -> Token:
        tok = self.peek()
        self.pos += 1
        return tok

    def text(self, tok: Token) -> str:
        return self.src[tok.start:tok.end]

    def enter(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"the expression is nested too deeply (more than {MAX_DEPTH} levels "
                            "of brackets, 'not' or '-'): split it up", tok.start + 1)

    def parse(self) -> SyntaxNode:
        if self.peek().kind == 'eof':
            raise ExprError("the expression is empty: write a value or a condition, e.g. 'x > 0'", 1)
        node = self.parse_or(None)
        tok = self.peek()
        if tok.kind != 'eof':
            self.after_value(tok)
        return node

    def chain(self, kind: str, ops, sub, after) -> SyntaxNode:
        """Parse sub (op sub)* into one flat node (no deep trees for long chains)."""
        kids, optoks = [sub(after)], []
        while self.at(ops):
            optoks.append(self.take())
            kids.append(sub(optoks[-1]))
        if len(kids) == 1:
            return kids[0]
        return SyntaxNode(kind, None, kids[0].start, kids[-1].end, tuple(kids), tuple(optoks))

    def parse_or(self, after):
        return self.chain('or', ('or',), self.parse_and, after)

    def parse_and(self, after):
        return self.chain('and', ('and',), self.parse_not, after)

    def parse_not(self, after):
        if not self.at(('not',)):
            return self.parse_cmp(after)
        tok = self.take()
        self.enter(tok)
        kid = self.parse_not(tok)
        self.depth -= 1
        return SyntaxNode('not', 'not', tok.start, kid.end, (kid,), (tok,))

    def parse_cmp(self, after):
        left = self.parse_sum(after)
        if not self.at(_CMP_OPS):
            return left
        op = self.take()
        right = self.parse_sum(op)
        if self.at(_CMP_OPS):
            raise ExprError("'a < b < c' is not allowed: write 'a < b and b < c'",
                            self.peek().start + 1)
        return SyntaxNode('cmp', op.value, left.start, right.end, (left, right), (op,))

    def parse_sum(self, after):
        return self.chain('sum', ('+', '-'), self.parse_unary, after)

    def parse_unary(self, after):
        if not self.at(('-',)):
            return self.parse_atom(after)
        tok = self.take()
        self.enter(tok)
        kid = self.parse_unary(tok)
        self.depth -= 1
        if kid.kind == 'const' and type(kid.value) is int:
            return SyntaxNode('const', -kid.value, tok.start, kid.end)
        return SyntaxNode('neg', '-', tok.start, kid.end, (kid,), (tok,))

    def parse_atom(self, after):
        tok = self.peek()
        if tok.kind in ('num', 'bool'):
            self.pos += 1
            return SyntaxNode('const', tok.value, tok.start, tok.end)
        if tok.kind == 'name':
            self.pos += 1
            self.names.append((tok.value, tok.start + 1))
            return SyntaxNode('name', tok.value, tok.start, tok.end)
        if tok.kind == 'op' and tok.value == '(':
            self.pos += 1
            self.enter(tok)
            inner = self.parse_or(tok)
            close = self.peek()
            if close.kind == 'eof':
                raise ExprError(f"missing ')' to close the '(' at column {tok.start + 1}",
                                close.start + 1)
            if close.value != ')':
                self.after_value(close)
            self.pos += 1
            self.depth -= 1
            inner.start, inner.end = tok.start, close.end
            return inner
        raise self.no_value(tok, after)

    def no_value(self, tok: Token, after) -> ExprError:
        """Error for a token found where a value was expected."""
        col, found = tok.start + 1, self.text(tok)
        if tok.kind == 'eof':
            return ExprError(f"expected a value after '{after.value}'", col)
        if tok.value == 'not':
            return ExprError("'not' must be put in brackets here, e.g. 'a == (not b)'", col)
        if tok.value == ')':
            if after is None:
                return ExprError("unexpected ')' — there is no '(' for it to close", col)
            if after.value == '(':
                return ExprError("empty brackets '()' are not allowed: put a value inside", col)
        if after is None:
            return ExprError(f"expected a value before '{found}'", col)
        return ExprError(f"expected a value after '{after.value}', but found '{found}'", col)

    def after_value(self, tok: Token) -> None:
        """Raise the error for tok, which follows a complete value but cannot."""
        col, prev = tok.start + 1, self.toks[self.pos - 1]
        if tok.kind == 'op':
            if tok.value == ')':
                raise ExprError("unexpected ')' — there is no '(' for it to close", col)
            if tok.value == '(' and prev.kind == 'name':
                raise ExprError(f"function calls are not allowed: '{prev.value}' cannot be "
                                "followed by '('", col)
            if tok.value == '(':
                raise ExprError("missing operator before '(' — use e.g. 'and', '==' or '+'", col)
            if tok.value == 'not':
                raise ExprError("unexpected 'not' — 'not' goes in front of a condition; "
                                "to combine conditions write 'and not'", col)
        for t in (prev, tok):
            if t.kind == 'name' and t.value in _WORD_HINTS:
                raise ExprError(f"unknown word '{t.value}' — {_WORD_HINTS[t.value]}", t.start + 1)
        raise ExprError(f"missing operator between '{self.text(prev)}' and '{self.text(tok)}' — "
                        "use e.g. 'and', 'or', '==' or '+'", col)
