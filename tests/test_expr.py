"""Tests for game.engine.expr: evaluation, error columns, types, and properties."""
from __future__ import annotations

import operator
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine.expr import MAX_DEPTH, MAX_LENGTH, Expr, ExprError, parse

ENV = {
    'a': 3, 'b': -2, 'n_1': 0, 'p': True, 'q': False, 'asked_who_decides': False,
    'mood.mette': -2, 'mood.x_2': 5, 'difficulty': 2, 'statement_written': True,
}
TYPES = {name: type(value) for name, value in ENV.items()}


def value_of(source: str, env=ENV):
    return parse(source).evaluate(env)


# ------------------------------------------------------------ evaluation

EVAL_CASES = [
    ('0', 0), ('12', 12), ('007', 7), ('999999999', 999999999), ('true', True), ('false', False),
    ('a', 3), ('mood.mette', -2), ('mood.x_2', 5), ('difficulty', 2), ('statement_written', True),
    # arithmetic and unary minus
    ('1 + 2 - 3', 0), ('1 - 2 - 3', -4), ('10 - (2 - 3)', 11), ('-1', -1), ('- -1', 1), ('--1', 1),
    ('-(2 + 3)', -5), ('2 - -3', 5), ('-a', -3), ('-a - -b', -5), ('a-1', 2), ('1+2', 3),
    ('-999999999 - 999999999', -1999999998), ('\t1\t+  2 ', 3),
    # comparisons
    ('1 + 2 < 4', True), ('1<2', True), ('2 <= 2', True), ('3 > 3', False), ('3 >= 3', True),
    ('a == 3', True), ('a != 3', False), ('mood.mette >= -2', True), ('mood.mette > -2', False),
    ('(1 < 2) == true', True), ('true == true', True), ('true != false', True),
    ('false == false', True), ('0 == 0', True), ('p == q', False), ('(a > 1) != q', True),
    # boolean precedence: or < and < not < comparison
    ('not true or true', True), ('not (true or true)', False), ('true or false and false', True),
    ('(true or false) and false', False), ('not 1 == 2', True), ('not a == 3', False),
    ('not not p', True), ('not p and q', False), ('p and not q', True), ('q or not q', True),
    ('a > 1 and b < 0 or q', True), ('q or a > 1 and b > 0', False),
    ('not asked_who_decides or mood.mette >= 1', True),
    # short-circuit: the right side is not evaluated
    ('p or missing', True), ('q and missing', False), ('true or 1', True), ('false and 1', False),
    ('q and missing or p', True),
]


@pytest.mark.parametrize('source, expected', EVAL_CASES)
def test_evaluate(source, expected):
    result = value_of(source)
    assert result == expected
    assert type(result) is type(expected)


def test_exact_length_limit_and_long_chains():
    source = '1+' * 999 + '10'
    assert len(source) == MAX_LENGTH
    assert value_of(source) == 1009
    assert value_of('p and ' * 300 + 'p') is True
    assert value_of('q or ' * 300 + 'p') is True
    assert value_of(' - '.join(['1'] * 400)) == 1 - 399


def test_max_depth_allowed():
    assert value_of('(' * MAX_DEPTH + '1' + ')' * MAX_DEPTH) == 1
    assert value_of('not ' * MAX_DEPTH + 'true') is True
    assert value_of('-' * MAX_DEPTH + 'a') == 3
    # bool nesting where every level adds or/and/== closures
    source, expected = 'p', True
    for _ in range(MAX_DEPTH // 2):
        source = f'(q or p and ({source}) == p)'
        expected = False or (True and expected == True)  # noqa: E712
    assert value_of(source) is expected
    assert parse(source).infer_type(TYPES) is bool
    with pytest.raises(ExprError, match='nested too deeply'):
        parse('(' + source + ')')


def test_names_and_columns():
    expr = parse('not asked_who_decides or mood.mette >= 1 and p == (mood.mette > a)')
    assert expr.names == frozenset({'asked_who_decides', 'mood.mette', 'p', 'a'})
    assert expr.name_columns() == [('asked_who_decides', 5), ('mood.mette', 26),
                                   ('p', 46), ('mood.mette', 52), ('a', 65)]
    assert parse('1 + 2').names == frozenset()
    assert parse('difficulty > 1 or statement_written').name_columns() == [
        ('difficulty', 1), ('statement_written', 19)]


def test_expr_value_object():
    expr = parse('a + 1')
    assert isinstance(expr, Expr)
    assert expr.source == 'a + 1'
    assert expr == parse('a + 1') and hash(expr) == hash(parse('a + 1'))
    with pytest.raises(AttributeError):
        expr.source = 'x'  # frozen


def test_expr_error_shape():
    err = ExprError('something is wrong', 4)
    assert err.message == 'something is wrong' and err.column == 4
    assert 'something is wrong' in str(err) and '4' in str(err)
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.message, copy.column) == (err.message, err.column)


# ------------------------------------------------------------ syntax errors

ERROR_CASES = [
    ("__import__('os').system('x')", 11, 'function calls are not allowed'),
    ('a = 1', 3, "to compare, write '=='"),
    ('x +', 4, "expected a value after '+'"),
    ('(a', 3, "missing ')' to close the '(' at column 1"),
    ('a + (b', 7, "missing ')' to close the '(' at column 5"),
    ('a)', 2, "no '(' for it to close"),
    (')', 1, "no '(' for it to close"),
    ('1 < 2 < 3', 7, "'a < b < c' is not allowed: write 'a < b and b < c'"),
    ('a == b == c', 8, 'a < b and b < c'),
    ('True', 1, "write 'true'"),
    ('NOT p', 1, "write 'not'"),
    ('a AND b', 3, "write 'and'"),
    ('Score', 1, "write 'score'"),
    ('mood', 1, "'mood' must be followed by '.<character>'"),
    ('mood + 1', 1, "'mood' must be followed by '.<character>'"),
    ('mood.', 6, "'mood' must be followed by '.<character>'"),
    ('mood . x', 1, "'mood' must be followed by '.<character>'"),
    ('mood. x', 6, "'mood' must be followed by '.<character>'"),
    ('mood.Mette', 6, 'lowercase'),
    ('mood.x.y', 7, "'.' is only allowed in 'mood.<character>'"),
    ('x.y', 2, "'.' is only allowed in 'mood.<character>'"),
    ('"str"', 1, 'strings are not allowed in expressions'),
    ("a == 'str'", 6, 'strings are not allowed in expressions'),
    ('f(x)', 2, 'function calls are not allowed'),
    ('f (x)', 3, 'function calls are not allowed'),
    ('x[1]', 2, 'indexing'),
    ('1.5', 1, 'decimal numbers are not allowed'),
    ('.5', 1, "'.' is only allowed"),
    ('a ** 2', 3, "'**' is not allowed"),
    ('a * 2', 3, "'*' is not allowed"),
    ('a / 2', 3, "'/' is not allowed"),
    ('', 1, 'empty'),
    ('   ', 1, 'empty'),
    ('x' * (MAX_LENGTH + 1), 1, 'too long'),
    ('(' * 200 + '1' + ')' * 200, MAX_DEPTH + 1, 'nested too deeply'),
    ('not ' * (MAX_DEPTH + 1) + 'p', 4 * MAX_DEPTH + 1, 'nested too deeply'),
    ('-' * (MAX_DEPTH + 1) + '1', MAX_DEPTH + 1, 'nested too deeply'),
    ('a og b', 3, "unknown word 'og' — use 'and', 'or', 'not'"),
    ('a eller b', 3, "unknown word 'eller'"),
    ('ikke a', 1, "unknown word 'ikke'"),
    ('a b', 3, 'missing operator'),
    ('1 2', 3, 'missing operator'),
    ('(a)(b)', 4, "missing operator before '('"),
    ('a not b', 3, "'and not'"),
    ('a == not b', 6, "'not' must be put in brackets"),
    ('1 + not p', 5, "'not' must be put in brackets"),
    ('()', 2, "empty brackets"),
    ('1 + + 2', 5, "expected a value after '+'"),
    ('+1', 1, "expected a value before '+'"),
    ('and p', 1, "expected a value before 'and'"),
    ('== 1', 1, "expected a value before '=='"),
    ('not', 4, "expected a value after 'not'"),
    ('-', 2, "expected a value after '-'"),
    ('a and', 6, "expected a value after 'and'"),
    ('a or or b', 6, "expected a value after 'or'"),
    ('(a +)', 5, "expected a value after '+'"),
    ('1234567890', 1, 'too long'),
    ('2x', 2, 'cannot be followed directly'),
    ('mødt', 2, "'ø' is not allowed"),
    ('a => 1', 3, "write '>='"),
    ('a =< 1', 3, "write '<='"),
    ('a ! b', 3, "'!='"),
    ('a & b', 3, "write 'and'"),
    ('a && b', 3, "write 'and'"),
    ('a || b', 3, "write 'or'"),
    ('a, b', 2, "','"),
    ('lambda: 0', 7, "unexpected character ':'"),
    ('x if y else z', 3, 'missing operator'),
    ('a\nb', 2, 'line breaks'),
    ('a\u00a0+ 1', 2, 'ordinary space'),
    ('a @ b', 3, "unexpected character '@'"),
    ('{}', 1, "unexpected character '{'"),
]


@pytest.mark.parametrize('source, column, fragment', ERROR_CASES)
def test_syntax_errors(source, column, fragment):
    with pytest.raises(ExprError) as info:
        parse(source)
    assert info.value.column == column, info.value.message
    assert fragment in info.value.message


def test_reserved_words_are_not_variables():
    assert parse('true or false').names == frozenset()
    assert parse('difficulty > 1 or statement_written').names == {'difficulty', 'statement_written'}
    for word in ('and', 'or', 'not', 'mood'):
        with pytest.raises(ExprError):
            parse(word)


def test_non_string_source():
    with pytest.raises(ExprError) as info:
        parse(None)  # type: ignore[arg-type]
    assert info.value.column == 1


# ------------------------------------------------------------ run-time errors

RUNTIME_ERRORS = [
    ('true + 1', {}, 1, "'+' works on numbers"),
    ('1 + true', {}, 5, "'+' works on numbers"),
    ('1 - p', {'p': True}, 5, "'-' works on numbers"),
    ('-true', {}, 2, "'-' works on numbers"),
    ('1 == true', {}, 3, 'same kind of value'),
    ('true != 0', {}, 6, 'same kind of value'),
    ('true < 2', {}, 1, "'<' compares numbers"),
    ('2 < true', {}, 5, "'<' compares numbers"),
    ('a >= b', {'a': 1, 'b': False}, 6, "'>=' compares numbers"),
    ('not 3', {}, 5, "'not' works on true/false"),
    ('1 and true', {}, 1, "'and' works on true/false"),
    ('true and 1', {}, 10, "'and' works on true/false"),
    ('false or 2', {}, 10, "'or' works on true/false"),
    ('(1 + 2) or p', {}, 1, "'(1 + 2)'"),
    ('x', {}, 1, "no value was given for 'x'"),
    ('1 + mood.zed', {}, 5, "'mood.zed'"),
    ('1 + x', {'x': 'str'}, 5, "must be a number or true/false"),
    ('x > 1', {'x': 1.5}, 1, "must be a number or true/false"),
]


@pytest.mark.parametrize('source, env, column, fragment', RUNTIME_ERRORS)
def test_runtime_errors(source, env, column, fragment):
    expr = parse(source)
    with pytest.raises(ExprError) as info:
        expr.evaluate(env)
    assert info.value.column == column, info.value.message
    assert fragment in info.value.message


# ------------------------------------------------------------ infer_type

GOOD_TYPES = [
    ('1', int), ('true', bool), ('a', int), ('p', bool), ('1 + a', int), ('-a', int),
    ('difficulty + 1', int), ('statement_written', bool), ('p and a > 1', bool),
    ('p == q', bool), ('a == b', bool), ('mood.mette >= -2', bool), ('not p or q', bool),
    ('(a > 1) == p', bool), ('p or 1 == 2', bool),
]


@pytest.mark.parametrize('source, expected', GOOD_TYPES)
def test_infer_type_good(source, expected):
    assert parse(source).infer_type(TYPES) is expected


BAD_TYPES = [
    ('p + 1', 1, "'+' works on numbers"), ('1 + p', 5, "'+' works on numbers"),
    ('a + b - p', 9, "'-' works on numbers"), ('-p', 2, "'-' works on numbers"),
    ('a and p', 1, "'and'"), ('p and a', 7, "'and'"), ('p or a', 6, "'or'"),
    ('not a', 5, "'not'"), ('a == p', 3, 'same kind of value'),
    ('a != (p)', 3, 'same kind of value'), ('a < p', 5, "'<' compares numbers"),
    ('p < 1', 1, "'<' compares numbers"), ('1 + (p or q)', 5, "'(p or q)'"),
    ('false and 1', 11, "'and'"),  # no short-circuit when checking types
    ('nope', 1, "unknown variable 'nope'"), ('a + nope', 5, "unknown variable 'nope'"),
    ('mood.zed > 1', 1, "unknown character 'zed'"),
]


@pytest.mark.parametrize('source, column, fragment', BAD_TYPES)
def test_infer_type_bad(source, column, fragment):
    with pytest.raises(ExprError) as info:
        parse(source).infer_type(TYPES)
    assert info.value.column == column, info.value.message
    assert fragment in info.value.message


def test_infer_type_missing_builtin_names():
    with pytest.raises(ExprError) as info:
        parse('p or difficulty > 1').infer_type({'p': bool})
    assert info.value.column == 6


# ------------------------------------------------------------ properties: never crash

def check_parse(source: str):
    """parse returns an Expr or raises ExprError with a sane column."""
    try:
        return parse(source)
    except ExprError as err:
        assert isinstance(err.message, str) and err.message
        assert 1 <= err.column <= len(source) + 1, (source, err.column)
        return None


@settings(max_examples=400)
@given(st.text())
def test_arbitrary_text_never_crashes(source):
    check_parse(source)


_TOKENS = st.sampled_from([
    '(', ')', 'and', 'or', 'not', '+', '-', '==', '!=', '<', '<=', '>', '>=',
    '0', '7', '42', '123456789', 'true', 'false', 'a', 'b', 'p', 'x_1', 'mood.a', 'mood.mette',
    'difficulty', 'statement_written', 'mood', '.', '=', '*', '**', '"', "'", ',', '[', ']',
    'True', 'og', ' ', '\t',
])
_GLUE = st.sampled_from(['', ' ', ' ', '\t'])
GRAMMARISH = st.lists(
    st.tuples(st.one_of(_TOKENS, _TOKENS, _TOKENS, st.text(max_size=3)), _GLUE), max_size=30,
).map(lambda parts: ''.join(tok + glue for tok, glue in parts))
VALUE = st.one_of(st.integers(min_value=-10**6, max_value=10**6), st.booleans())


@settings(max_examples=600)
@given(GRAMMARISH)
def test_grammarish_text_never_crashes(source):
    check_parse(source)


@settings(max_examples=400, suppress_health_check=[HealthCheck.filter_too_much])
@given(GRAMMARISH, st.data())
def test_evaluate_with_arbitrary_env(source, data):
    expr = check_parse(source)
    if expr is None:
        return
    names = sorted(expr.names)
    env = {name: data.draw(VALUE, label=name) for name in names}
    # sometimes drop a name: evaluation must still only raise ExprError
    if names and data.draw(st.booleans(), label='drop'):
        env.pop(data.draw(st.sampled_from(names), label='dropped'))
    try:
        result = expr.evaluate(env)
    except ExprError as err:
        assert 1 <= err.column <= len(source) + 1
        result = None
    else:
        assert type(result) in (int, bool)
    # well-typed expressions never fail at run time and have the inferred type
    try:
        inferred = expr.infer_type({name: type(value) for name, value in env.items()})
    except ExprError as err:
        assert 1 <= err.column <= len(source) + 1
    else:
        assert type(expr.evaluate(env)) is inferred


# ------------------------------------------------------------ properties: generated well-typed trees

INT_VARS = ['a', 'b', 'n_1', 'mood.mette', 'mood.x_2', 'difficulty']
BOOL_VARS = ['p', 'q', 'asked_who_decides', 'statement_written']
_CMP = {'==': operator.eq, '!=': operator.ne, '<': operator.lt, '<=': operator.le,
        '>': operator.gt, '>=': operator.ge}
# binding strength of each node kind when written without brackets
_LEVEL = {'or': 1, 'and': 2, 'not': 3, 'cmp': 4, 'sum': 5, 'neg': 6}


@st.composite
def typed_tree(draw, want: type, depth: int, loose: bool = False):
    """A random expression tree of type want, as nested tuples.

    With loose=True every operand gets a random type, so most trees are ill-typed.
    """
    if want is int:
        kinds = ['num', 'var'] + (['neg', 'sum', 'sum'] if depth else [])
    else:
        kinds = ['bool', 'var'] + (['not', 'and', 'or', 'cmp', 'cmp'] if depth else [])
    kind = draw(st.sampled_from(kinds))
    def sub(t):
        return typed_tree(draw(st.sampled_from([int, bool])) if loose else t, depth - 1, loose)

    if kind == 'num':
        tree = ('num', draw(st.integers(0, 999)))
    elif kind == 'bool':
        tree = ('bool', draw(st.booleans()))
    elif kind == 'var':
        tree = ('var', draw(st.sampled_from(INT_VARS if want is int else BOOL_VARS)))
    elif kind in ('neg', 'not'):
        tree = (kind, draw(sub(want)))
    elif kind == 'sum':
        tree = ('sum', draw(st.sampled_from('+-')), draw(sub(int)), draw(sub(int)))
    elif kind in ('and', 'or'):
        tree = (kind, draw(sub(bool)), draw(sub(bool)))
    else:
        op = draw(st.sampled_from(sorted(_CMP)))
        side = int if op not in ('==', '!=') else draw(st.sampled_from([int, bool]))
        tree = ('cmp', op, draw(sub(side)), draw(sub(side)))
    if draw(st.integers(0, 5)) == 0:
        tree = ('paren', tree)
    return tree


def reference(tree, env):
    """Independent interpreter over the generated tree."""
    kind = tree[0]
    if kind in ('num', 'bool'):
        return tree[1]
    if kind == 'var':
        return env[tree[1]]
    if kind == 'paren':
        return reference(tree[1], env)
    if kind == 'neg':
        return -reference(tree[1], env)
    if kind == 'not':
        return not reference(tree[1], env)
    if kind == 'sum':
        left, right = reference(tree[2], env), reference(tree[3], env)
        return left + right if tree[1] == '+' else left - right
    if kind == 'and':
        return reference(tree[1], env) and reference(tree[2], env)
    if kind == 'or':
        return reference(tree[1], env) or reference(tree[2], env)
    return _CMP[tree[1]](reference(tree[2], env), reference(tree[3], env))


def render(tree, sep: str) -> tuple[str, int]:
    """Source text for tree with as few brackets as precedence allows, and its level."""
    kind = tree[0]

    def at_least(child, level):
        text, child_level = render(child, sep)
        return text if child_level >= level else f'({text})'

    if kind == 'num':
        return str(tree[1]), 7
    if kind == 'bool':
        return ('true' if tree[1] else 'false'), 7
    if kind == 'var':
        return tree[1], 7
    if kind == 'paren':
        return f'({render(tree[1], sep)[0]})', 7
    if kind == 'neg':
        return '-' + at_least(tree[1], 6), 6
    if kind == 'not':
        return f'not{sep}' + at_least(tree[1], 3), 3
    level = _LEVEL[kind]
    if kind in ('and', 'or'):
        op, left, right = kind, tree[1], tree[2]
    else:
        op, left, right = tree[1], tree[2], tree[3]
    right_level = 5 if kind == 'cmp' else level + 1  # comparisons do not chain
    left_level = 5 if kind == 'cmp' else level
    return f'{at_least(left, left_level)}{sep}{op}{sep}{at_least(right, right_level)}', level


def tree_names(tree) -> set[str]:
    if tree[0] == 'var':
        return {tree[1]}
    return set().union(*(tree_names(t) for t in tree[1:] if isinstance(t, tuple)))


ENVS = st.fixed_dictionaries({
    **{name: st.integers(-1000, 1000) for name in INT_VARS},
    **{name: st.booleans() for name in BOOL_VARS},
})


@settings(max_examples=500)
@given(st.sampled_from([int, bool]).flatmap(lambda t: st.tuples(st.just(t), typed_tree(t, 5))),
       st.sampled_from([' ', '  ', '\t']), ENVS)
def test_generated_expressions_match_reference(typed, sep, env):
    want, tree = typed
    source, _ = render(tree, sep)
    expr = parse(source)
    expected = reference(tree, env)
    result = expr.evaluate(env)
    assert result == expected and type(result) is type(expected) is want, source
    assert expr.infer_type({name: type(value) for name, value in env.items()}) is want
    assert expr.names == tree_names(tree)
    for name, column in expr.name_columns():
        assert source[column - 1:].startswith(name)


@settings(max_examples=400)
@given(st.sampled_from([int, bool]).flatmap(lambda t: typed_tree(t, 5, loose=True)),
       st.dictionaries(st.sampled_from(INT_VARS + BOOL_VARS), VALUE))
def test_generated_expressions_with_arbitrary_env(tree, env):
    """Ill-typed trees and random envs: only ExprError, and well-typed means no error."""
    source, _ = render(tree, ' ')
    expr = parse(source)
    try:
        result = expr.evaluate(env)
    except ExprError as err:
        assert 1 <= err.column <= len(source) + 1
        result = None
    else:
        assert type(result) in (int, bool)
    try:
        inferred = expr.infer_type({name: type(value) for name, value in env.items()})
    except ExprError as err:
        assert 1 <= err.column <= len(source) + 1
    else:
        assert result == reference(tree, env) and type(result) is inferred


# ------------------------------------------------------------ safety

def test_source_never_runs_python():
    text = (Path(__file__).resolve().parents[1] / 'game' / 'engine' / 'expr.py').read_text()
    for forbidden in ('eval(', 'exec(', 'import ast', 'from ast', 'compile(', '__import__'):
        assert forbidden not in text


def test_python_code_is_not_executed(tmp_path):
    marker = tmp_path / 'marker'
    for source in (f"__import__('os').system('touch {marker}')", f"open('{marker}', 'w')",
                   "exec('x = 1')", "(lambda: 1)()", "[].__class__"):
        with pytest.raises(ExprError):
            parse(source)
    assert not marker.exists()
