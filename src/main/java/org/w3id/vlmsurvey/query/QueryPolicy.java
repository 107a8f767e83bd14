package org.w3id.vlmsurvey.query;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.optimize.TransformPropertyFunction;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter1;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.path.P_Distinct;
import org.apache.jena.sparql.path.P_FixedLength;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_Multi;
import org.apache.jena.sparql.path.P_OneOrMoreN;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.P_Shortest;
import org.apache.jena.sparql.path.P_ZeroOrMoreN;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.NodeIsomorphismMap;
import org.apache.jena.sparql.util.Symbol;

/**
 * The one query policy of the server, applied to every query it runs (endpoint and pages) before it runs:
 * <ul>
 * <li><b>The language is SPARQL 1.1</b> ({@link Syntax#syntaxSPARQL_11}); ARQ's extensions only with the
 * operator's {@code --arq-syntax}. Property paths with counts ({@code {n,m}}, ARQ syntax) are refused either way:
 * they enumerate paths, not nodes, and ignore the timeout.</li>
 * <li><b>Property functions:</b> only {@code text:query}; ARQ's library ({@code apf:concat}, {@code apf:strSplit},
 * {@code list:member}...) builds values outside the string bounds of {@link QueryGuards} and is refused
 * (and, in case one slips through, not registered in the server's context).</li>
 * <li><b>text:query</b> takes its search text as a literal, checked by {@link TextSearchLimits}; at most
 * {@link TextSearchLimits#MAX_HITS} hits.</li>
 * <li><b>Nesting</b> (sub-queries, groups) at most {@value #MAX_NESTING} levels.</li>
 * <li><b>Rows held in memory:</b> at most {@code maxRows} rows per query enter the operators that keep them
 * (GROUP BY, ORDER BY, DISTINCT, REDUCED, joins of groups, OPTIONAL, MINUS); one more fails the query
 * ({@link QueryGuards.LimitExceeded}, a 400), so no single query can fill the heap.</li>
 * </ul>
 * A refusal is {@link QueryRefused} (answered 400 with its message).
 *
 * @param arqSyntax whether ARQ's syntax extensions are accepted (default off: SPARQL 1.1)
 * @param text      the limits of {@code text:query} search texts
 * @param maxRows   rows per query entering the operators that hold them (default {@value #DEFAULT_MAX_ROWS})
 */
public record QueryPolicy(boolean arqSyntax, TextSearchLimits text, long maxRows) {
    public static final int MAX_NESTING = 128;
    public static final long DEFAULT_MAX_ROWS = 500_000;
    public static final String TEXT_QUERY = "http://jena.apache.org/text#query";
    private static final Symbol KEY = Symbol.create("urn:x-vlm-survey:query-policy");
    private static final Symbol ROWS = Symbol.create("urn:x-vlm-survey:rows-held");

    static {
        org.apache.jena.query.text.TextQuery.init(); // text:query is known as a property function, so it is checked
    }

    public QueryPolicy {
        if (text == null) throw new IllegalArgumentException("text search limits missing");
        if (maxRows < 1) throw new IllegalArgumentException("--max-query-rows must be at least 1");
    }

    public static QueryPolicy defaults() {
        return new QueryPolicy(false, TextSearchLimits.defaults(), DEFAULT_MAX_ROWS);
    }

    /** The syntax queries are parsed in. */
    public Syntax syntax() {
        return arqSyntax ? Syntax.syntaxARQ : Syntax.syntaxSPARQL_11;
    }

    /**
     * Parses a query in the {@link #syntax()} and {@linkplain #check checks} it. A parse error is the parser's
     * message, shortened to its first lines ({@link #shortMessage}); a query that is ARQ's syntax but not SPARQL 1.1
     * says so.
     */
    public Query parse(String text) {
        Query q;
        try {
            q = QueryFactory.create(text, syntax());
        } catch (StackOverflowError e) {
            throw new QueryRefused("the query is nested too deeply (at most " + MAX_NESTING + " levels)");
        } catch (QueryParseException e) {
            if (!arqSyntax) {
                Query arq;
                try {
                    arq = QueryFactory.create(text, Syntax.syntaxARQ);
                } catch (RuntimeException | StackOverflowError other) {
                    arq = null;
                }
                if (arq != null) {
                    check(arq); // a counted path or a property function: the specific reason
                    throw new QueryRefused(
                            "the query is ARQ's extended syntax, not SPARQL 1.1, which this server speaks ("
                                    + shortMessage(e) + ")");
                }
            }
            throw new QueryParseException(shortMessage(e), e.getLine(), e.getColumn());
        } catch (QueryException | java.util.regex.PatternSyntaxException e) {
            // what the parser checks as it builds: constant REGEX flags, REPLACE patterns...
            throw new QueryRefused(firstLine(e.getMessage()));
        }
        return check(q);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message)
                .lines()
                .findFirst()
                .orElse("the query does not compile")
                .strip();
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    /** A parser's message without JavaCC's list of every token it expected: its first two lines, at most 400 characters. */
    public static String shortMessage(QueryParseException e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.indexOf("Was expecting");
        if (cut > 0) m = m.substring(0, cut).strip();
        m = String.join(" ", m.lines().limit(2).map(String::strip).toList());
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }

    /** The query, if this server runs it; else {@link QueryRefused} with the reason. */
    public Query check(Query query) {
        try {
            Op op;
            try {
                op = TransformPropertyFunction.transform(Algebra.compile(query), ARQ.getContext());
            } catch (QueryException | java.util.regex.PatternSyntaxException e) {
                // what ARQ checks as it compiles: constant regex flags and patterns, ...
                throw new QueryRefused(
                        String.valueOf(e.getMessage()).lines().findFirst().orElse("the query does not compile"));
            }
            nesting(query.getQueryPattern(), 0);
            nesting(op, 0);
            Checker c = new Checker();
            c.walk(op);
        } catch (StackOverflowError e) {
            throw new QueryRefused("the query is nested too deeply (at most " + MAX_NESTING + " levels)");
        }
        return query;
    }

    /** The depth of the syntax tree (groups, sub-queries, OPTIONAL, UNION...), refused past {@link #MAX_NESTING}. */
    private static void nesting(org.apache.jena.sparql.syntax.Element e, int depth) {
        if (e == null) return;
        if (depth > MAX_NESTING)
            throw new QueryRefused("the query is nested more than " + MAX_NESTING + " levels deep");
        if (e instanceof org.apache.jena.sparql.syntax.ElementGroup g)
            for (org.apache.jena.sparql.syntax.Element x : g.getElements()) nesting(x, depth + 1);
        else if (e instanceof org.apache.jena.sparql.syntax.ElementUnion u)
            for (org.apache.jena.sparql.syntax.Element x : u.getElements()) nesting(x, depth + 1);
        else if (e instanceof org.apache.jena.sparql.syntax.ElementOptional o)
            nesting(o.getOptionalElement(), depth + 1);
        else if (e instanceof org.apache.jena.sparql.syntax.ElementMinus m) nesting(m.getMinusElement(), depth + 1);
        else if (e instanceof org.apache.jena.sparql.syntax.Element1 one) nesting(one.getElement(), depth + 1);
        else if (e instanceof org.apache.jena.sparql.syntax.ElementSubQuery sq)
            nesting(sq.getQuery().getQueryPattern(), depth + 1);
    }

    /** The depth of the operator tree, refused past {@link #MAX_NESTING}. */
    private static void nesting(Op op, int depth) {
        if (depth > MAX_NESTING)
            throw new QueryRefused("the query is nested more than " + MAX_NESTING + " levels deep");
        if (op instanceof org.apache.jena.sparql.algebra.op.Op1 o) nesting(o.getSubOp(), depth + 1);
        else if (op instanceof org.apache.jena.sparql.algebra.op.Op2 o) {
            nesting(o.getLeft(), depth + 1);
            nesting(o.getRight(), depth + 1);
        } else if (op instanceof org.apache.jena.sparql.algebra.op.OpN o)
            for (Op sub : o.getElements()) nesting(sub, depth + 1);
    }

    /** Walks the algebra, the graph patterns inside expressions (EXISTS) included. */
    private final class Checker extends OpVisitorBase {
        void walk(Op op) {
            Walker.walk(op, this, new ExprVisitorBase() {
                @Override
                public void visit(ExprFunctionOp funcOp) {
                    if (funcOp.getGraphPattern() != null)
                        walk(TransformPropertyFunction.transform(funcOp.getGraphPattern(), ARQ.getContext()));
                }
            });
        }

        /** A property function left in a pattern (not turned into one by ARQ's transform): refused all the same. */
        @Override
        public void visit(org.apache.jena.sparql.algebra.op.OpBGP op) {
            for (org.apache.jena.graph.Triple t : op.getPattern()) predicate(t.getPredicate());
        }

        @Override
        public void visit(org.apache.jena.sparql.algebra.op.OpTriple op) {
            predicate(op.getTriple().getPredicate());
        }

        private void predicate(Node p) {
            if (p.isURI() && PropertyFunctionRegistry.get().isRegistered(p.getURI()))
                throw new QueryRefused("the property function <" + p.getURI()
                        + "> is not available here on this server: SPARQL 1.1, and text:query in a graph pattern");
        }

        @Override
        public void visit(OpPath opPath) {
            path(opPath.getTriplePath().getPath());
        }

        @Override
        public void visit(OpPropFunc op) {
            String uri = op.getProperty().getURI();
            if (!TEXT_QUERY.equals(uri))
                throw new QueryRefused("the property function <" + uri
                        + "> is not available on this server: SPARQL 1.1 and text:query only");
            textQuery(op.getObjectArgs());
        }

        private void path(Path p) {
            if (p instanceof P_Mod
                    || p instanceof P_FixedLength
                    || p instanceof P_Distinct
                    || p instanceof P_Multi
                    || p instanceof P_Shortest
                    || p instanceof P_ZeroOrMoreN
                    || p instanceof P_OneOrMoreN)
                throw new QueryRefused(
                        "the property path " + p
                                + " uses ARQ's counted-path syntax ({n,m}, {n}, {*}...), which is not SPARQL 1.1: refused on this server");
            if (p instanceof P_Path1 p1) path(p1.getSubPath());
            if (p instanceof P_Path2 p2) {
                path(p2.getLeft());
                path(p2.getRight());
            }
        }
    }

    /** text:query's object: "text", or (property... "text" [limit] ["lang:x"] ["highlight:..."]). */
    void textQuery(PropFuncArg object) {
        Iterator<Node> args = object.isList()
                ? object.getArgList().iterator()
                : java.util.List.of(object.getArg()).iterator();
        Node search = null;
        while (args.hasNext()) {
            Node n = args.next();
            if (n.isURI()) continue;
            search = n;
            break;
        }
        if (search == null || !search.isLiteral() || !(search.getLiteralValue() instanceof String))
            throw new QueryRefused(
                    "text:query takes its search text as a string literal (e.g. text:query (dcterms:title \"prompt\"))");
        text.check(search.getLiteralLexicalForm());
        if (args.hasNext()) {
            Node limit = args.next();
            if (limit.isLiteral()
                    && limit.getLiteralValue() instanceof Number n
                    && (n.longValue() > TextSearchLimits.MAX_HITS || n.longValue() < 0))
                throw new QueryRefused("text:query: at most " + TextSearchLimits.MAX_HITS + " hits may be asked for");
            if (limit.isVariable()) throw new QueryRefused("text:query takes its limit as a number");
        }
    }

    // ---- installation in a context

    /**
     * Sets this policy in {@code cxt} (a dataset's context, copied into each query's): only {@code text:query} as a
     * property function, and the row budget in the optimiser's rewrite.
     */
    public void install(Context cxt) {
        cxt.set(KEY, this);
        PropertyFunctionRegistry global = PropertyFunctionRegistry.get();
        PropertyFunctionRegistry only = new PropertyFunctionRegistry();
        if (global.isRegistered(TEXT_QUERY)) only.put(TEXT_QUERY, global.get(TEXT_QUERY));
        PropertyFunctionRegistry.set(cxt, only);
        long max = maxRows;
        RewriteFactory std = Optimize.stdOptimizationFactory;
        cxt.set(ARQConstants.sysOptimizerFactory, (RewriteFactory)
                c -> op -> budget(std.create(c).rewrite(op), max));
    }

    /** The policy set in {@code cxt}, or the defaults. */
    public static QueryPolicy of(Context cxt) {
        Object p = cxt == null ? null : cxt.get(KEY);
        return p instanceof QueryPolicy qp ? qp : defaults();
    }

    /** {@code op} with the input of every operator that holds rows counted against {@code max}. */
    static Op budget(Op op, long max) {
        return Walker.transform(op, new TransformCopy() {
            /** A group holds its groups (and the values of DISTINCT aggregates); COUNT(*) over all holds nothing. */
            @Override
            public Op transform(OpGroup g, Op sub) {
                boolean holds = !g.getGroupVars().isEmpty()
                        || g.getAggregators().stream().anyMatch(a -> a.getAggregator()
                                .getClass()
                                .getSimpleName()
                                .endsWith("Distinct"));
                return super.transform(g, holds ? counted(sub, max) : sub);
            }

            @Override
            public Op transform(OpOrder o, Op sub) {
                return super.transform(o, counted(sub, max));
            }

            @Override
            public Op transform(OpDistinct d, Op sub) {
                return super.transform(d, counted(sub, max));
            }

            @Override
            public Op transform(OpReduced r, Op sub) {
                return super.transform(r, counted(sub, max));
            }

            @Override
            public Op transform(OpJoin j, Op left, Op right) {
                return super.transform(j, counted(left, max), counted(right, max));
            }

            @Override
            public Op transform(OpLeftJoin j, Op left, Op right) {
                return super.transform(j, left, counted(right, max));
            }

            @Override
            public Op transform(OpMinus m, Op left, Op right) {
                return super.transform(m, left, counted(right, max));
            }
        });
    }

    private static Op counted(Op sub, long max) {
        return sub instanceof Counted ? sub : new Counted(sub, max);
    }

    /** An operator that passes the rows of its sub-operator, counting them against the query's row budget. */
    static final class Counted extends OpExt {
        private final Op sub;
        private final long max;

        Counted(Op sub, long max) {
            super("vlm:rows");
            this.sub = sub;
            this.max = max;
        }

        @Override
        public Op effectiveOp() {
            return sub;
        }

        /** A transform (TDB2's quad form, a substitution) applies to the operator counted; the count stays. */
        @Override
        public Op apply(org.apache.jena.sparql.algebra.Transform transform) {
            return new Counted(org.apache.jena.sparql.algebra.Transformer.transform(transform, sub), max);
        }

        @Override
        public Op apply(
                org.apache.jena.sparql.algebra.Transform transform,
                org.apache.jena.sparql.algebra.OpVisitor before,
                org.apache.jena.sparql.algebra.OpVisitor after) {
            return new Counted(
                    org.apache.jena.sparql.algebra.Transformer.transform(transform, sub, before, after), max);
        }

        @Override
        public QueryIterator eval(QueryIterator input, ExecutionContext execCxt) {
            QueryIterator it = QC.execute(sub, input, execCxt);
            Context cxt = execCxt.getContext();
            AtomicLong rows;
            synchronized (cxt) {
                Object o = cxt.get(ROWS);
                if (o instanceof AtomicLong a) rows = a;
                else {
                    rows = new AtomicLong();
                    cxt.set(ROWS, rows);
                }
            }
            return new Counting(it, execCxt, rows, max, QueryGuards.deadline(cxt));
        }

        @Override
        public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
            sub.output(out, sCxt);
        }

        @Override
        public int hashCode() {
            return sub.hashCode() ^ 0x5eed;
        }

        @Override
        public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
            return other instanceof Counted c && c.max == max && sub.equalTo(c.sub, labelMap);
        }
    }

    private static final class Counting extends QueryIter1 {
        private final AtomicLong rows;
        private final long max;
        private final long deadline;
        private final java.util.concurrent.atomic.AtomicBoolean cancel;
        private int seen;

        Counting(QueryIterator input, ExecutionContext cxt, AtomicLong rows, long max, long deadline) {
            super(input, cxt);
            this.rows = rows;
            this.max = max;
            this.deadline = deadline;
            this.cancel = Context.getCancelSignal(cxt.getContext());
        }

        @Override
        protected boolean hasNextBinding() {
            return getInput().hasNext();
        }

        /**
         * Also checks, every 256 rows, the query's cancel signal and deadline: an operator that collects its input
         * (a sort, a group) stops at the timeout here even where ARQ's cancellation does not reach its input.
         */
        @Override
        protected Binding moveToNextBinding() {
            if ((++seen & 0xFF) == 0
                    && ((cancel != null && cancel.get()) || (deadline != 0 && System.nanoTime() - deadline > 0)))
                throw new org.apache.jena.query.QueryCancelledException();
            if (rows.incrementAndGet() > max)
                throw new QueryGuards.LimitExceeded(
                        "the query holds more than " + max
                                + " rows in memory (grouped, sorted, distinct or joined; the server's --max-query-rows): narrow it or add a LIMIT inside");
            return getInput().nextBinding();
        }

        @Override
        protected void requestSubCancel() {}

        @Override
        protected void closeSubIterator() {}
    }
}
