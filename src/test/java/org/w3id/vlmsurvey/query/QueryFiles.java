package org.w3id.vlmsurvey.query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.query.QueryExecution;

/** The query folders' tests share these: the queries of a folder, and a query's answer as the TSV its tests expect. */
public final class QueryFiles {
    private QueryFiles() {}

    /** The names (without {@code .rq}) of the queries in {@code folder}, sorted. */
    public static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3))
                    .sorted()
                    .toList();
        }
    }

    /** The answer of {@code query} run by {@code exec}, as TSV. */
    public static String tsv(SurveyQuery query, QueryExecution exec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        query.execute(exec, SurveyQuery.Format.TSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
