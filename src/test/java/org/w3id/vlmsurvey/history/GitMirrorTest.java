package org.w3id.vlmsurvey.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3id.vlmsurvey.diagnostics.SourceException;

/** What {@code --history-git} takes as a URL, which URLs it clones, and how it names them. */
class GitMirrorTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://github.com/jingyi0000/VLM_survey, true",
        "http://example.org/survey.git,            true",
        "file:///srv/survey,                        true",
        "ssh://git@github.com/x/y.git,              true",
        "git@github.com:x/y.git,                    true",
        "VLM_survey,                                false",
        "/srv/VLM_survey,                           false",
        "./a:b,                                     false",
        "C:/surveys/VLM_survey,                     false",
    })
    void isUrl(String location, boolean url) {
        assertEquals(url, GitMirror.isUrl(location));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://github.com/jingyi0000/VLM_survey",
        "HTTPS://github.com/jingyi0000/VLM_survey",
        "http://localhost:8080/survey.git",
        "file:///srv/survey",
    })
    void taken(String url) {
        GitMirror.check(url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ssh://git@github.com/x/y.git | the scheme ssh is not taken",
                "git@github.com:x/y.git       | an ssh address is not taken",
                "git://github.com/x/y.git     | the scheme git is not taken",
                "ftp://example.org/y.git      | the scheme ftp is not taken",
                "https:///y.git               | no host in the URL",
            })
    void refused(String url, String message) {
        SourceException e = assertThrows(SourceException.class, () -> GitMirror.check(url));
        assertEquals(url, e.problem().file());
        assertTrue(e.problem().message().startsWith(message), e.problem().message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://user:s3cret@github.com/x/y | https://user:***@github.com/x/y",
                "https://token@github.com/x/y       | https://token@github.com/x/y",
                "https://github.com/x/y             | https://github.com/x/y",
                "cannot fetch https://u:p@h/x: no   | cannot fetch https://u:***@h/x: no",
            })
    void passwordsAreNeverShown(String url, String shown) {
        assertEquals(shown, GitMirror.shown(url));
    }

    @Test
    void theCloneOfAUrlIsInTheCacheUnderItsHash() {
        Path cache = Path.of("/cache");
        Path a = GitMirror.folder(cache, "https://github.com/jingyi0000/VLM_survey");
        assertEquals(cache.resolve("git"), a.getParent());
        assertEquals(16, a.getFileName().toString().length());
        assertEquals(a, GitMirror.folder(cache, "https://github.com/jingyi0000/VLM_survey"));
        assertNotEquals(a, GitMirror.folder(cache, "https://github.com/someone/VLM_survey"));
    }
}
