package dev.meshdeck.core.validation.schema;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL as the Kubernetes API server evaluates {@code x-kubernetes-validations}: the standard library and
 * macros, the string extensions, and the Kubernetes URL library ({@code url()}, {@code isURL()},
 * {@code getScheme()}, {@code getHost()}, {@code getPath()}) that Istio's CRDs use. {@code self} is dynamic.
 * Rules are compiled once and cached by their text.
 */
final class KubernetesCel {

    private static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addFunctionDeclarations(
                    CelFunctionDecl.newFunctionDeclaration("url",
                            CelOverloadDecl.newGlobalOverload("string_to_url", URL, SimpleType.STRING)),
                    CelFunctionDecl.newFunctionDeclaration("isURL",
                            CelOverloadDecl.newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)),
                    CelFunctionDecl.newFunctionDeclaration("getScheme",
                            CelOverloadDecl.newMemberOverload("url_get_scheme", SimpleType.STRING, URL)),
                    CelFunctionDecl.newFunctionDeclaration("getHost",
                            CelOverloadDecl.newMemberOverload("url_get_host", SimpleType.STRING, URL)),
                    CelFunctionDecl.newFunctionDeclaration("getEscapedPath",
                            CelOverloadDecl.newMemberOverload("url_get_escaped_path", SimpleType.STRING, URL)))
            .addFunctionBindings(
                    CelFunctionBinding.from("string_to_url", String.class, KubernetesCel::url),
                    CelFunctionBinding.from("is_url_string", String.class, KubernetesCel::isUrl),
                    CelFunctionBinding.from("url_get_scheme", URI.class, u -> u.getScheme() == null ? "" : u.getScheme()),
                    CelFunctionBinding.from("url_get_host", URI.class, u -> u.getHost() == null ? "" : u.getHost()),
                    CelFunctionBinding.from("url_get_escaped_path", URI.class, u -> u.getRawPath() == null ? "" : u.getRawPath()))
            .build();

    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private KubernetesCel() {
    }

    /** A compiled rule, or why it could not be compiled (then it is skipped, never guessed). */
    record Compiled(CelRuntime.Program program, String compileError) {
    }

    static Compiled compile(String rule) {
        return CACHE.computeIfAbsent(rule, r -> {
            try {
                CelAbstractSyntaxTree ast = CEL.compile(r).getAst();
                return new Compiled(CEL.createProgram(ast), null);
            } catch (CelValidationException | CelEvaluationException | RuntimeException e) {
                return new Compiled(null, e.getMessage());
            }
        });
    }

    /**
     * Kubernetes' url(): an absolute URI or an absolute path (Go's url.ParseRequestURI); anything with
     * control characters or without scheme and leading slash is an error.
     */
    private static URI url(String s) {
        if (!isUrl(s)) {
            throw new IllegalArgumentException("URL parse error during conversion from string: " + s);
        }
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL parse error during conversion from string: " + e.getMessage());
        }
    }

    private static boolean isUrl(String s) {
        if (s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.isAbsolute() || s.startsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
