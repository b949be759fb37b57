package dev.meshdeck.core.validation.rules.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IstioProtocolTest {

    @Test
    void namesAreReadCaseInsensitivelyAsIstioParsesThem() {
        assertThat(IstioProtocol.parse("http")).hasValue(IstioProtocol.HTTP);
        assertThat(IstioProtocol.parse("GRPC-Web")).hasValue(IstioProtocol.GRPC_WEB);
        assertThat(IstioProtocol.parse("http_proxy")).hasValue(IstioProtocol.HTTP_PROXY);
        assertThat(IstioProtocol.parse("Mongo")).hasValue(IstioProtocol.MONGO);
        assertThat(IstioProtocol.parse("grpc_web")).isEmpty();
        assertThat(IstioProtocol.parse("http1")).isEmpty();
        assertThat(IstioProtocol.parse("")).isEmpty();
    }

    @Test
    void familiesFollowIstio() {
        assertThat(IstioProtocol.GRPC.isHttp()).isTrue();
        assertThat(IstioProtocol.HTTPS.isHttp()).isFalse();
        assertThat(IstioProtocol.HTTPS.isTcp()).isTrue();
        assertThat(IstioProtocol.HTTPS.isTls()).isTrue();
        assertThat(IstioProtocol.HTTP.isTcp()).isFalse();
        assertThat(IstioProtocol.UDP.isTcp()).isFalse();
        assertThat(IstioProtocol.REDIS.isTcp()).isTrue();
    }
}
