package dev.meshdeck.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {

    @Test
    void qualifiesOnlyShortNamesLikeIstioAnalyzers() {
        assertThat(Hosts.qualify("reviews", "bookinfo")).isEqualTo("reviews.bookinfo.svc.cluster.local");
        assertThat(Hosts.qualify("reviews.bookinfo", "default")).isEqualTo("reviews.bookinfo");
        assertThat(Hosts.qualify("*.example.com", "default")).isEqualTo("*.example.com");
        assertThat(Hosts.qualify("*", "default")).isEqualTo("*");
        assertThat(Hosts.qualify("reviews", "")).as("an omitted namespace stays empty, as istioctl's harness")
                .isEqualTo("reviews..svc.cluster.local");
    }

    @Test
    void overlapFollowsIstioHostNameMatches() {
        assertThat(Hosts.overlap("*.com", "foo.com")).isTrue();
        assertThat(Hosts.overlap("bar.com", "*.com")).isTrue();
        assertThat(Hosts.overlap("*.foo.com", "foo.com")).isFalse();
        assertThat(Hosts.overlap("*", "*.com")).isTrue();
        assertThat(Hosts.overlap("*.productpage.d", "*.d")).isTrue();
        assertThat(Hosts.overlap("*.productpage.b", "*.productpage")).isFalse();
        assertThat(Hosts.overlap("a.com", "b.com")).isFalse();
    }

    @Test
    void readsTheNamespaceOfAClusterLocalName() {
        assertThat(Hosts.namespaceOf("ratings.bookinfo.svc.cluster.local")).isEqualTo("bookinfo");
        assertThat(Hosts.namespaceOf("httpbin.org")).isNull();
    }
}
