package dev.meshdeck.core.validation.rules.config;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.JsonPointers;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A ConfigMap key whose name looks like a credential (PASSWORD, TOKEN, SECRET, API_KEY, ...): ConfigMaps are
 * readable by anyone who may read the namespace's configuration and are not encrypted at rest; keep it in a Secret.
 * The value is not looked at.
 */
public final class CredentialInConfigMap implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0705", Severity.WARNING, Category.SEMANTIC,
            "ConfigMap key looks like a credential");

    /** Words of a key name that say it holds a credential: DB_PASSWORD, githubToken, client.secret. */
    private static final Set<String> WORDS = Set.of("PASSWORD", "PASSWD", "PWD", "PASS", "TOKEN", "SECRET",
            "CREDENTIAL", "CREDENTIALS", "APIKEY", "PASSPHRASE");

    /** Two words that do: API_KEY, privateKey, ACCESS-KEY. */
    private static final Set<String> PAIRS = Set.of("API KEY", "PRIVATE KEY", "ACCESS KEY", "SECRET KEY");

    /** A lower-case letter or digit followed by a capital: where camelCase starts a word. */
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource cm : context.ofKind("ConfigMap")) {
            if (!cm.group().isEmpty()) {
                continue;
            }
            for (Iterator<String> keys = cm.tree().path("data").fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (looksLikeCredential(key)) {
                    findings.report(INFO, cm, "/data/" + JsonPointers.token(key), "key \"" + key
                            + "\" looks like a credential: a ConfigMap is not secret; move it to a Secret and read it with secretKeyRef");
                }
            }
        }
    }

    /** Whether a key, cut into words at separators and camelCase, holds a credential word or word pair. */
    public static boolean looksLikeCredential(String key) {
        List<String> words = Arrays.asList(CAMEL.matcher(key).replaceAll("_").toUpperCase(Locale.ROOT).split("[^A-Z0-9]+"));
        for (int i = 0; i < words.size(); i++) {
            if (WORDS.contains(words.get(i)) || i > 0 && PAIRS.contains(words.get(i - 1) + " " + words.get(i))) {
                return true;
            }
        }
        return false;
    }
}
