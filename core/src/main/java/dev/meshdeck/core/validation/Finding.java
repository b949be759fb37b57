package dev.meshdeck.core.validation;

import dev.meshdeck.core.yaml.SourcePosition;
import java.util.Optional;

/**
 * One problem found in a candidate or live resource.
 *
 * @param code      MeshDeck's own stable code (MD0xxx), documented in docs/validation-codes.md
 * @param path      where in the object, as a dotted JSON path ({@code spec.http[0].route[1].weight})
 * @param position  file:line:col when the resource came from a file
 * @param istioCode the equivalent {@code istioctl analyze} code (IST0xxx), if one exists
 * @param kialiCode the equivalent Kiali validation code (KIAxxxx), if one exists
 */
public record Finding(
        String code,
        Severity severity,
        Category category,
        ResourceRef resource,
        String path,
        Optional<SourcePosition> position,
        String message,
        Optional<String> istioCode,
        Optional<String> kialiCode) {

    /** Compiler-style line: {@code file:line:col: error MD0101 [IST0101] VirtualService ns/name: message}. */
    public String toCompilerLine() {
        StringBuilder s = new StringBuilder();
        position.ifPresent(p -> s.append(p).append(": "));
        s.append(severity.label()).append(' ').append(code);
        istioCode.ifPresent(c -> s.append(" [").append(c).append(']'));
        if (!resource.kind().isEmpty()) {
            s.append(' ').append(resource);
        }
        s.append(": ").append(message);
        if (!path.isEmpty()) {
            s.append(" (").append(path).append(')');
        }
        return s.toString();
    }
}
