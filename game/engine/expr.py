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

from .expr_parse import (MAX_DEPTH, MAX_DIGITS, MAX_LENGTH, RESERVED,  # noqa: F401 (re-exported)
                         ExprError, Parser, SyntaxNode)

_ORDER = {'<': operator.lt, '<=': operator.le, '>': operator.gt, '>=': operator.ge}


# ---------------------------------------------------------------- types and messages

def _kind(t: type) -> str:
    return {int: "a number", bool: "true/false"}.get(t) or f"of unsupported type {t.__name__}"


def _snip(src: str, node: SyntaxNode) -> str:
    text = src[node.start:node.end]
    return text if len(text) <= 30 else text[:27] + '...'


def _operand_error(src: str, op: str, node: SyntaxNode, got: type) -> ExprError:
    """node (an operand of op) has the wrong type got."""
    if op in ('and', 'or', 'not'):
        need = "works on true/false values"
    elif op in _ORDER:
        need = "compares numbers"
    else:
        need = "works on numbers"
    return ExprError(f"'{op}' {need}, but '{_snip(src, node)}' is {_kind(got)}", node.start + 1)


def _mismatch_error(src: str, node: SyntaxNode, left: type, right: type) -> ExprError:
    """The two sides of '==' or '!=' have different types."""
    a, b = node.kids
    return ExprError(f"'{node.value}' needs the same kind of value on both sides, but "
                     f"'{_snip(src, a)}' is {_kind(left)} and '{_snip(src, b)}' is {_kind(right)}",
                     node.ops[0].start + 1)


def _unknown_message(name: str) -> str:
    if name.startswith('mood.'):
        return f"unknown character '{name[5:]}' in '{name}' — check the character id"
    if name in RESERVED:
        return f"'{name}' cannot be used here"
    return f"unknown variable '{name}' — check the spelling, or declare the variable"


def _infer(node: SyntaxNode, types: Mapping[str, type], src: str) -> type:
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

def _build(node: SyntaxNode, src: str) -> Callable[[Mapping], int | bool]:
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
    _tree: SyntaxNode = field(repr=False, compare=False)
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
    parser = Parser(source)
    tree = parser.parse()
    cols = tuple(parser.names)
    return Expr(source, frozenset(name for name, _ in cols), tree, _build(tree, source), cols)


@functools.lru_cache(maxsize=4096)
def parse_cached(source: str) -> Expr:
    """:func:`parse`, shared for equal sources (an Expr is immutable)."""
    return parse(source)
