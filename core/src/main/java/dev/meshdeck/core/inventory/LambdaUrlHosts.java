package dev.meshdeck.core.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts of a Lambda function's URLs, as its LambdaFunction resource lists them under {@value #FUNCTION_URLS}:
 * what a ServiceEntry names when the mesh calls the function.
 */
public final class LambdaUrlHosts {

    public static final String FUNCTION_URLS = "FunctionUrls";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LambdaUrlHosts() {
    }

    public static Set<String> in(List<MeshResource> resources) {
        Set<String> hosts = new LinkedHashSet<>();
        for (MeshResource r : resources) {
            if (!"LambdaFunction".equals(r.kind())) {
                continue;
            }
            try {
                for (JsonNode url : YAML.readTree(r.yaml()).path(FUNCTION_URLS)) {
                    String host = URI.create(url.asText()).getHost();
                    if (host != null) {
                        hosts.add(host);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the URLs of " + r.title(), e);
            }
        }
        return hosts;
    }
}
