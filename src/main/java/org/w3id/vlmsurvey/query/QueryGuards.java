package org.w3id.vlmsurvey.query;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;

/**
 * Limits that a query timeout alone cannot enforce, for {@code serve} and for the in-process {@code query}:
 * <ul>
 * <li><b>Regular expressions that stop with the query.</b> {@code REGEX}, {@code REPLACE} (and XPath's
 * {@code fn:matches}, {@code fn:replace}) run on a text that checks the query's cancel signal and its timeout as the
 * matcher reads it, so a catastrophic pattern like {@code ^(.*a){12}$} ends with the query, not after minutes.</li>
 * <li><b>Bounded string growth.</b> A string made by {@code CONCAT}, {@code REPLACE}, {@code ENCODE_FOR_URI},
 * {@code UCASE}, {@code LCASE}, {@code GROUP_CONCAT} or a function call longer than {@link #MAX_STRING_LENGTH} characters fails the query
 * ({@link LimitExceeded}), so a chain of {@code BIND(CONCAT(?x, ?x) AS ?y)} cannot fill the heap.</li>
 * <li><b>Sorts and groups spill to disk</b> past {@link #SPILL_THRESHOLD} rows (ARQ's {@code spillToDiskThreshold}).</li>
 * </ul>
 * {@link #apply} rewrites a parsed query to use the guarded functions; {@link #install} sets the context.
 */
public final class QueryGuards {
    /** The longest string a query may build, in characters. */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /**
     * The characters all the strings one query builds may add up to (each under {@link #MAX_STRING_LENGTH}): a
     * query making a long string on every row fails ({@link LimitExceeded}) before the rows it holds fill the heap.
     */
    public static final long MAX_BUILT_CHARACTERS = 16L * MAX_STRING_LENGTH;

    private static final org.apache.jena.sparql.util.Symbol BUILT =
            org.apache.jena.sparql.util.Symbol.create("urn:x-vlm-survey:characters-built");

    /** Rows held in memory by ORDER BY, GROUP BY, DISTINCT before ARQ spills them to disk. */
    public static final long SPILL_THRESHOLD = 20_000;

    static final String NS = "urn:x-vlm-survey:fn:";
    static final String REGEX = NS + "regex", REPLACE = NS + "replace", CHECKED = NS + "checked";
    private static final String XPATH = "http://www.w3.org/2005/xpath-functions#";

    /** A query exceeded a limit (a string too long): the query fails, it does not run on with a hole. */
    public static final class LimitExceeded extends QueryExecException {
        private static final long serialVersionUID = 1L;

        public LimitExceeded(String message) {
            super(message);
        }
    }

    static {
        FunctionRegistry r = FunctionRegistry.get();
        r.put(REGEX, GuardedRegex.class);
        r.put(XPATH + "matches", GuardedRegex.class);
        r.put(REPLACE, GuardedReplace.class);
        r.put(XPATH + "replace", GuardedReplace.class);
        r.put(CHECKED, Checked.class);
    }

    private QueryGuards() {}

    /** Sets the spill thresholds in a query context (the guarded functions are registered once, globally). */
    public static void install(Context cxt) {
        cxt.set(ARQ.spillToDiskThreshold, SPILL_THRESHOLD);
    }

    /** The query with REGEX and REPLACE run on the deadline-checking text and string-building calls length-checked. */
    public static Query apply(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new Rewrite());
    }

    private static final class Rewrite extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunction1 func, Expr expr1) {
            Expr e = super.transform(func, expr1);
            return func instanceof E_StrEncodeForURI || func instanceof E_StrUpperCase || func instanceof E_StrLowerCase
                    ? checked(e)
                    : e;
        }

        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex) return new E_Function(REGEX, constantFlags(args, 2));
            if (func instanceof E_StrReplace) return new E_Function(REPLACE, constantFlags(args, 3));
            Expr e = super.transform(func, args);
            if (func instanceof E_StrConcat) return checked(e);
            if (func instanceof E_Function f && !f.getFunctionIRI().startsWith(NS)) return checked(e);
            return e;
        }

        /** Constant flags are checked when the query is prepared, as ARQ's own REGEX does (400, not a silent miss). */
        private static ExprList constantFlags(ExprList args, int index) {
            if (args.size() > index && args.get(index) instanceof NodeValue nv && nv.isString()) {
                for (char c : nv.getString().toCharArray())
                    if ("smixq".indexOf(c) < 0)
                        throw new org.apache.jena.query.QueryParseException(
                                "Only 'smixq' are legal as pattern flags: got \"" + nv.getString() + "\"", -1, -1);
            }
            return args;
        }

        private static Expr checked(Expr e) {
            return new E_Function(CHECKED, new ExprList(e));
        }

        /** GROUP_CONCAT (with or without DISTINCT) accumulates into a bounded string. */
        @Override
        public Expr transform(org.apache.jena.sparql.expr.ExprAggregator eAgg) {
            org.apache.jena.sparql.expr.aggregate.Aggregator a = eAgg.getAggregator();
            if (a instanceof BoundedGroupConcat || a instanceof BoundedGroupConcatDistinct) return eAgg;
            if (a instanceof org.apache.jena.sparql.expr.aggregate.AggGroupConcat g)
                return new org.apache.jena.sparql.expr.ExprAggregator(
                        eAgg.getVar(), new BoundedGroupConcat(g.getExprList().get(0), g.getSeparator()));
            if (a instanceof org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct g)
                return new org.apache.jena.sparql.expr.ExprAggregator(
                        eAgg.getVar(),
                        new BoundedGroupConcatDistinct(g.getExprList().get(0), g.getSeparator()));
            return super.transform(eAgg);
        }
    }

    /** SPARQL's GROUP_CONCAT, whose string fails the query ({@link LimitExceeded}) past {@link #MAX_STRING_LENGTH}. */
    static final class BoundedGroupConcat extends org.apache.jena.sparql.expr.aggregate.AggGroupConcat {
        BoundedGroupConcat(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public org.apache.jena.sparql.expr.aggregate.Accumulator createAccumulator() {
            return new BoundedConcat(getExpr(), false, getSeparator());
        }

        @Override
        public org.apache.jena.sparql.expr.aggregate.Aggregator copy(ExprList exprs) {
            return new BoundedGroupConcat(exprs.get(0), getSeparator());
        }
    }

    /** SPARQL's GROUP_CONCAT(DISTINCT ...), bounded as {@link BoundedGroupConcat}. */
    static final class BoundedGroupConcatDistinct extends org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct {
        BoundedGroupConcatDistinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public org.apache.jena.sparql.expr.aggregate.Accumulator createAccumulator() {
            return new BoundedConcat(getExpr(), true, getSeparator());
        }

        @Override
        public org.apache.jena.sparql.expr.aggregate.Aggregator copy(ExprList exprs) {
            return new BoundedGroupConcatDistinct(exprs.get(0), getSeparator());
        }
    }

    /** Joins the string values of a group as GROUP_CONCAT does (a row whose value is an error is left out). */
    private static final class BoundedConcat extends org.apache.jena.sparql.expr.aggregate.AccumulatorExpr {
        private final StringBuilder joined = new StringBuilder();
        private final String separator;
        private boolean first = true;

        BoundedConcat(Expr expr, boolean distinct, String separator) {
            super(expr, distinct);
            this.separator = separator == null ? " " : separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            built(env, s.length() + separator.length());
            long length = joined.length() + (first ? 0 : separator.length()) + (long) s.length();
            if (length > MAX_STRING_LENGTH)
                throw new LimitExceeded("GROUP_CONCAT built a string of more than " + MAX_STRING_LENGTH
                        + " characters (the limit of this server)");
            if (!first) joined.append(separator);
            joined.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {}

        @Override
        public NodeValue getAccValue() {
            return NodeValue.makeString(joined.toString());
        }
    }

    static NodeValue check(NodeValue v) {
        if (v.isLiteral()) {
            String s = v.asNode().getLiteralLexicalForm();
            if (s.length() > MAX_STRING_LENGTH)
                throw new LimitExceeded("a string of more than " + MAX_STRING_LENGTH
                        + " characters was built (the limit of this server)");
        }
        return v;
    }

    /**
     * Counts {@code chars} against the query's {@link #MAX_BUILT_CHARACTERS} (kept in the query's own context, so
     * each execution starts at 0).
     */
    static void built(FunctionEnv env, long chars) {
        Context cxt = env == null ? null : env.getContext();
        if (cxt == null) return;
        java.util.concurrent.atomic.AtomicLong n;
        synchronized (cxt) {
            Object o = cxt.get(BUILT);
            if (o instanceof java.util.concurrent.atomic.AtomicLong a) n = a;
            else {
                n = new java.util.concurrent.atomic.AtomicLong();
                cxt.set(BUILT, n);
            }
        }
        if (n.addAndGet(chars) > MAX_BUILT_CHARACTERS)
            throw new LimitExceeded("the query built strings of more than " + MAX_BUILT_CHARACTERS
                    + " characters in all (the limit of this server)");
    }

    /** {@code checked(x)}: x, or the query fails if x is a literal longer than the limit. */
    public static final class Checked extends FunctionBase {
        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            NodeValue v = check(args.get(0).eval(binding, env));
            if (v.isLiteral()) built(env, v.asNode().getLiteralLexicalForm().length());
            return v;
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return check(args.get(0));
        }

        @Override
        public void checkBuild(String uri, ExprList args) {}
    }

    /**
     * The text a regular expression reads: it checks, every few thousand characters read, whether the query was
     * cancelled (timeout or client gone) or the deadline passed, and then stops the match.
     */
    static final class DeadlineText implements CharSequence {
        private final String text;
        private final AtomicBoolean cancel;
        private final long deadline;
        private int reads;

        DeadlineText(String text, AtomicBoolean cancel, long deadline) {
            this.text = text;
            this.cancel = cancel;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0) {
                if (cancel != null && cancel.get()) throw new QueryCancelledException();
                if (deadline != 0 && System.nanoTime() - deadline > 0) throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineText(text.substring(start, end), cancel, deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static DeadlineText text(String s, FunctionEnv env) {
        Context cxt = env == null ? null : env.getContext();
        AtomicBoolean cancel = cxt == null ? null : Context.getCancelSignal(cxt);
        return new DeadlineText(s, cancel, deadline(cxt));
    }

    /** The query's overall deadline ({@link System#nanoTime()}) from its timeout counted from now, or 0 for none. */
    static long deadline(Context cxt) {
        long overall = timeoutMillis(cxt);
        return overall > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(overall) : 0;
    }

    /** The overall timeout set in a context ({@code ARQ.queryTimeout}, "overall" or "initial,overall"), or -1. */
    public static long timeoutMillis(Context cxt) {
        if (cxt == null || !cxt.isDefined(ARQ.queryTimeout)) return -1;
        String t = cxt.getAsString(ARQ.queryTimeout).strip();
        try {
            return Long.parseLong(t.substring(t.lastIndexOf(',') + 1).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The lexical form of a string or language-tagged literal, else a type error (as ARQ's REGEX). */
    static String string(NodeValue v) {
        Node n = v.asNode();
        if (!n.isLiteral()) throw new ExprEvalException("not a string: " + v);
        boolean lang = !n.getLiteralLanguage().isEmpty();
        if (!lang && !XSDDatatype.XSDstring.getURI().equals(n.getLiteralDatatypeURI()))
            throw new ExprEvalException("not a string: " + v);
        return n.getLiteralLexicalForm();
    }

    static Pattern pattern(String regex, String flags) {
        int f = 0;
        for (char c : flags.toCharArray()) {
            switch (c) {
                case 'i' -> f |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> f |= Pattern.MULTILINE;
                case 's' -> f |= Pattern.DOTALL;
                case 'x' -> f |= Pattern.COMMENTS;
                case 'q' -> f |= Pattern.LITERAL;
                default -> throw new ExprEvalException("unknown regex flag '" + c + "'");
            }
        }
        try {
            return Pattern.compile(regex, f);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("bad regular expression: " + e.getDescription());
        }
    }

    /** Compiles a constant pattern once per call site. */
    private abstract static class RegexFunction extends FunctionBase {
        private Pattern constant;
        private String constantKey;

        Pattern compiled(String regex, String flags) {
            String key = flags + "\u0000" + regex;
            if (key.equals(constantKey)) return constant;
            Pattern p = pattern(regex, flags);
            constant = p;
            constantKey = key;
            return p;
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return exec(args, (FunctionEnv) null);
        }

        @Override
        protected abstract NodeValue exec(List<NodeValue> args, FunctionEnv env);
    }

    /** {@code REGEX(text, pattern [, flags])} on a {@link DeadlineText}. */
    public static final class GuardedRegex extends RegexFunction {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() != 2 && args.size() != 3) throw new QueryExecException("REGEX takes 2 or 3 arguments");
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            String s = string(args.get(0));
            Pattern p = compiled(string(args.get(1)), args.size() > 2 ? string(args.get(2)) : "");
            return NodeValue.booleanReturn(p.matcher(text(s, env)).find());
        }
    }

    /** {@code REPLACE(text, pattern, replacement [, flags])} on a {@link DeadlineText}, its result length-checked. */
    public static final class GuardedReplace extends RegexFunction {
        @Override
        public void checkBuild(String uri, ExprList args) {
            if (args.size() != 3 && args.size() != 4) throw new QueryExecException("REPLACE takes 3 or 4 arguments");
        }

        @Override
        protected NodeValue exec(List<NodeValue> args, FunctionEnv env) {
            NodeValue arg = args.get(0);
            String s = string(arg);
            Pattern p = compiled(string(args.get(1)), args.size() > 3 ? string(args.get(3)) : "");
            String replacement = string(args.get(2));
            if (p.matcher("").matches()) throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            Matcher m = p.matcher(text(s, env));
            StringBuilder out = new StringBuilder();
            try {
                while (m.find()) {
                    m.appendReplacement(out, replacement);
                    if (out.length() > MAX_STRING_LENGTH) check(NodeValue.makeString(out.toString()));
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: bad replacement: " + e.getMessage());
            }
            m.appendTail(out);
            built(env, out.length());
            String lang = arg.asNode().getLiteralLanguage();
            NodeValue r = lang.isEmpty()
                    ? NodeValue.makeString(out.toString())
                    : NodeValue.makeNode(NodeFactory.createLiteralLang(out.toString(), lang));
            return check(r);
        }
    }
}
