"""Safe expressions for scenario conditions (``if:``) and assignments (``set:``).

Grammar, lowest to highest precedence::

    or_    := and_ ('or' and_)*
    and_   := not_ ('and' not_)*
    not_   := 'not' not_ | cmp
    cmp    := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?   # no chains
    sum    := unary (('+' | '-') unary)*
    unary  := '-' unary | atom
    atom   := NUMBER | 'true' | 'false' | NAME | 'mood.' CHARACTER
            | 'difficulty' | 'statement_written' | '(' or_ ')'

The text is tokenized and parsed by hand here (it is never handed to Python),
turned into a small tree, and the tree is turned once into nested closures,
so ``Expr.evaluate`` is a single call.  ``int`` and ``bool`` are kept apart:
``true + 1``, ``1 == true`` and ``not 3`` are errors.  Every error is an
``ExprError`` carrying a 1-based column into the expression text.
"""
from __future__ import annotations

import functools

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

MAX_LENGTH = 2000  # longer source text is rejected at column 1
MAX_DEPTH = 64     # nesting of '(', 'not' and unary '-'
MAX_DIGITS = 9     # longest allowed number literal

_CMP_OPS = ('==', '!=', '<', '<=', '>', '>=')
_ORDER = {'<': operator.lt, '<=': operator.le, '>': operator.gt, '>=': operator.ge}
_RESERVED = frozenset(
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


class _Tok:
    """A token: kind is 'num', 'bool', 'name', 'op', 'eof' or 'error'."""
    __slots__ = ('kind', 'value', 'start', 'end')

    def __init__(self, kind: str, value, start: int, end: int):
        self.kind, self.value, self.start, self.end = kind, value, start, end


class _Node:
    """A tree node; start/end are 0-based offsets of its text in the source.

    kind is 'const', 'name', 'neg', 'not', 'and', 'or', 'sum' or 'cmp'; ops
    holds the operator tokens ('and', 'or', 'sum': the ones between the kids).
    """
    __slots__ = ('kind', 'value', 'start', 'end', 'kids', 'ops')

    def __init__(self, kind, value, start, end, kids=(), ops=()):
        self.kind, self.value, self.start, self.end = kind, value, start, end
        self.kids, self.ops = kids, ops


# ---------------------------------------------------------------- tokenizer

def _tokenize(src: str) -> list[_Tok]:
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
            toks.append(_Tok('error', err.message, err.column - 1, err.column))
            return toks
        toks.append(tok)
        i = tok.end
    toks.append(_Tok('eof', None, n, n))
    return toks


def _read_token(src: str, i: int) -> _Tok:
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
        return _Tok('num', int(src[i:j]), i, j)
    if ch.isalpha() or ch == '_':
        j = i
        while j < n and (src[j].isalnum() or src[j] == '_'):
            j += 1
        word = src[i:j]
        _check_word(word, i)
        if word == 'mood':
            return _read_mood(src, i, j)
        if word in ('true', 'false'):
            return _Tok('bool', word == 'true', i, j)
        if word in ('and', 'or', 'not'):
            return _Tok('op', word, i, j)
        return _Tok('name', word, i, j)
    pair = src[i:i + 2]
    if pair in ('==', '!=', '<=', '>='):
        return _Tok('op', pair, i, i + 2)
    if pair in _BAD_PAIRS:
        raise ExprError(_BAD_PAIRS[pair], i + 1)
    if ch in '+-<>()':
        return _Tok('op', ch, i, i + 1)
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
        if low in _RESERVED:
            raise ExprError(f"unknown word '{word}' — write '{low}' (lowercase)", i + 1)
        raise ExprError(f"names must be lowercase: write '{low}' instead of '{word}'", i + 1)


def _read_mood(src: str, i: int, j: int) -> _Tok:
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
    return _Tok('name', 'mood.' + src[j + 1:k], i, k)


# ---------------------------------------------------------------- parser

class _Parser:
    """Recursive-descent parser producing a _Node tree."""

    def __init__(self, src: str):
        self.src = src
        self.toks = _tokenize(src)
        self.pos = 0
        self.depth = 0
        self.names: list[tuple[str, int]] = []

    def peek(self) -> _Tok:
        tok = self.toks[self.pos]
        if tok.kind == 'error':
            raise ExprError(tok.value, tok.start + 1)
        return tok

    def at(self, ops) -> bool:
        tok = self.peek()
        return tok.kind == 'op' and tok.value in ops

    def take(self) -> _Tok:
        tok = self.peek()
        self.pos += 1
        return tok

    def text(self, tok: _Tok) -> str:
        return self.src[tok.start:tok.end]

    def enter(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(f"the expression is nested too deeply (more than {MAX_DEPTH} levels "
                            "of brackets, 'not' or '-'): split it up", tok.start + 1)

    def parse(self) -> _Node:
        if self.peek().kind == 'eof':
            raise ExprError("the expression is empty: write a value or a condition, e.g. 'x > 0'", 1)
        node = self.parse_or(None)
        tok = self.peek()
        if tok.kind != 'eof':
            self.after_value(tok)
        return node

    def chain(self, kind: str, ops, sub, after) -> _Node:
        """Parse sub (op sub)* into one flat node (no deep trees for long chains)."""
        kids, optoks = [sub(after)], []
        while self.at(ops):
            optoks.append(self.take())
            kids.append(sub(optoks[-1]))
        if len(kids) == 1:
            return kids[0]
        return _Node(kind, None, kids[0].start, kids[-1].end, tuple(kids), tuple(optoks))

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
        return _Node('not', 'not', tok.start, kid.end, (kid,), (tok,))

    def parse_cmp(self, after):
        left = self.parse_sum(after)
        if not self.at(_CMP_OPS):
            return left
        op = self.take()
        right = self.parse_sum(op)
        if self.at(_CMP_OPS):
            raise ExprError("'a < b < c' is not allowed: write 'a < b and b < c'",
                            self.peek().start + 1)
        return _Node('cmp', op.value, left.start, right.end, (left, right), (op,))

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
            return _Node('const', -kid.value, tok.start, kid.end)
        return _Node('neg', '-', tok.start, kid.end, (kid,), (tok,))

    def parse_atom(self, after):
        tok = self.peek()
        if tok.kind in ('num', 'bool'):
            self.pos += 1
            return _Node('const', tok.value, tok.start, tok.end)
        if tok.kind == 'name':
            self.pos += 1
            self.names.append((tok.value, tok.start + 1))
            return _Node('name', tok.value, tok.start, tok.end)
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

    def no_value(self, tok: _Tok, after) -> ExprError:
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

    def after_value(self, tok: _Tok) -> None:
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


# ---------------------------------------------------------------- types and messages

def _kind(t: type) -> str:
    return {int: "a number", bool: "true/false"}.get(t) or f"of unsupported type {t.__name__}"


def _snip(src: str, node: _Node) -> str:
    text = src[node.start:node.end]
    return text if len(text) <= 30 else text[:27] + '...'


def _operand_error(src: str, op: str, node: _Node, got: type) -> ExprError:
    """node (an operand of op) has the wrong type got."""
    if op in ('and', 'or', 'not'):
        need = "works on true/false values"
    elif op in _ORDER:
        need = "compares numbers"
    else:
        need = "works on numbers"
    return ExprError(f"'{op}' {need}, but '{_snip(src, node)}' is {_kind(got)}", node.start + 1)


def _mismatch_error(src: str, node: _Node, left: type, right: type) -> ExprError:
    """The two sides of '==' or '!=' have different types."""
    a, b = node.kids
    return ExprError(f"'{node.value}' needs the same kind of value on both sides, but "
                     f"'{_snip(src, a)}' is {_kind(left)} and '{_snip(src, b)}' is {_kind(right)}",
                     node.ops[0].start + 1)


def _unknown_message(name: str) -> str:
    if name.startswith('mood.'):
        return f"unknown character '{name[5:]}' in '{name}' — check the character id"
    if name in _RESERVED:
        return f"'{name}' cannot be used here"
    return f"unknown variable '{name}' — check the spelling, or declare the variable"


def _infer(node: _Node, types: Mapping[str, type], src: str) -> type:
    """Static type of node (int or bool); raises ExprError on a mismatch."""
    kind = node.kind
    if kind == 'const':
        return type(node.value)
    if kind == 'name':
        t = types.get(node.value)
        if t is int or t is bool:
            return t
        if node.value in types:
            raise ExprError(f"'{node.value}' has an unsupported type", node.start + 1)
        raise ExprError(_unknown_message(node.value), node.start + 1)
    if kind == 'cmp':
        left, right = (_infer(kid, types, src) for kid in node.kids)
        if node.value in _ORDER:
            for kid, t in zip(node.kids, (left, right)):
                if t is not int:
                    raise _operand_error(src, node.value, kid, t)
        elif left is not right:
            raise _mismatch_error(src, node, left, right)
        return bool
    want = int if kind in ('neg', 'sum') else bool
    ops = ((node.value,) if kind in ('neg', 'not') else
           (kind,) * len(node.kids) if kind in ('and', 'or') else
           (node.ops[0].value,) + tuple(op.value for op in node.ops))
    for kid, op in zip(node.kids, ops):
        t = _infer(kid, types, src)
        if t is not want:
            raise _operand_error(src, op, kid, t)
    return want


# ---------------------------------------------------------------- closures

def _build(node: _Node, src: str) -> Callable[[Mapping], int | bool]:
    """Turn node into a closure env -> value that checks types at run time."""
    kind = node.kind
    if kind == 'const':
        value = node.value
        return lambda env: value
    if kind == 'name':
        name, col = node.value, node.start + 1

        def get(env):
            try:
                v = env[name]
            except KeyError:
                raise ExprError(f"no value was given for '{name}'", col) from None
            t = type(v)
            if t is bool or t is int:
                return v
            raise ExprError(f"the value of '{name}' must be a number or true/false, "
                            f"not {t.__name__}", col)
        return get
    if kind in ('neg', 'not'):
        kid = node.kids[0]
        f = _build(kid, src)
        if kind == 'neg':
            def neg(env):
                v = f(env)
                if type(v) is int:
                    return -v
                raise _operand_error(src, '-', kid, type(v))
            return neg

        def not_(env):
            v = f(env)
            if v is True:
                return False
            if v is False:
                return True
            raise _operand_error(src, 'not', kid, type(v))
        return not_
    if kind in ('and', 'or'):
        fns = tuple((_build(kid, src), kid) for kid in node.kids)
        stop = kind == 'or'  # the value that decides the result early
        go = not stop

        def junction(env):
            for f, kid in fns:
                v = f(env)
                if v is stop:
                    return stop
                if v is not go:
                    raise _operand_error(src, kind, kid, type(v))
            return go
        return junction
    if kind == 'sum':
        first = _build(node.kids[0], src)
        first_op, head = node.ops[0].value, node.kids[0]
        rest = tuple((op.value == '-', _build(kid, src), kid, op.value)
                     for op, kid in zip(node.ops, node.kids[1:]))

        def add(env):
            total = first(env)
            if type(total) is not int:
                raise _operand_error(src, first_op, head, type(total))
            for minus, f, kid, op in rest:
                v = f(env)
                if type(v) is not int:
                    raise _operand_error(src, op, kid, type(v))
                total = total - v if minus else total + v
            return total
        return add
    # comparison
    op, (left, right) = node.value, node.kids
    f, g = _build(left, src), _build(right, src)
    if op in ('==', '!='):
        same = op == '=='

        def equal(env):
            a, b = f(env), g(env)
            if type(a) is type(b):
                return (a == b) is same
            raise _mismatch_error(src, node, type(a), type(b))
        return equal
    test = _ORDER[op]

    def order(env):
        a, b = f(env), g(env)
        if type(a) is int and type(b) is int:
            return test(a, b)
        bad, t = (left, type(a)) if type(a) is not int else (right, type(b))
        raise _operand_error(src, op, bad, t)
    return order


# ---------------------------------------------------------------- public API

@dataclass(frozen=True)
class Expr:
    """A parsed expression.  Build it with parse()."""
    source: str
    names: frozenset[str]
    _tree: _Node = field(repr=False, compare=False)
    _run: Callable[[Mapping], int | bool] = field(repr=False, compare=False)
    _name_cols: tuple[tuple[str, int], ...] = field(repr=False, compare=False)

    def __reduce__(self):
        # Closures cannot be pickled; the compiled cache stores the source and re-parses
        # (once per distinct source: expressions are immutable, so equal ones are shared).
        return (parse_cached, (self.source,))

    def evaluate(self, env: Mapping[str, int | bool]) -> int | bool:
        """Value of the expression; env maps every name in .names to an int or bool."""
        return self._run(env)

    def infer_type(self, types: Mapping[str, type]) -> type:
        """int or bool, given the type of every name; ExprError on mismatch or unknown name."""
        return _infer(self._tree, types, self.source)

    def name_columns(self) -> list[tuple[str, int]]:
        """Every name reference with its 1-based column, in source order."""
        return list(self._name_cols)


def parse(source: str) -> Expr:
    """Parse source into an Expr; raises ExprError (and nothing else) on bad input."""
    if not isinstance(source, str):
        raise ExprError("an expression must be text", 1)
    if len(source) > MAX_LENGTH:
        raise ExprError(f"the expression is too long ({len(source)} characters; "
                        f"at most {MAX_LENGTH} are allowed)", 1)
    parser = _Parser(source)
    tree = parser.parse()
    cols = tuple(parser.names)
    return Expr(source, frozenset(name for name, _ in cols), tree, _build(tree, source), cols)


@functools.lru_cache(maxsize=4096)
def parse_cached(source: str) -> Expr:
    """:func:`parse`, shared for equal sources (an Expr is immutable)."""
    return parse(source)
