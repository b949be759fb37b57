package dev.meshdeck.sandbox.lambda;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * STS GetCallerIdentity (AWS query protocol, XML), so a client pointed at the sandbox can resolve its
 * account the way it does against AWS.
 */
final class CallerIdentity {

    private CallerIdentity() {
    }

    static boolean isRequest(String method, String path, String formBody) {
        return "POST".equals(method) && "/".equals(path) && formBody.contains("Action=GetCallerIdentity");
    }

    static byte[] response(String account) {
        return """
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::%1$s:user/meshdeck-sandbox</Arn>
                    <UserId>AIDASANDBOXUSER000001</UserId>
                    <Account>%1$s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata>
                    <RequestId>%2$s</RequestId>
                  </ResponseMetadata>
                </GetCallerIdentityResponse>
                """.formatted(account, UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    /** STS refusing the credentials (403 InvalidClientTokenId): the SDK does not retry it. */
    static byte[] refused() {
        return """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>InvalidClientTokenId</Code>
                    <Message>The security token included in the request is invalid.</Message>
                  </Error>
                  <RequestId>%s</RequestId>
                </ErrorResponse>
                """.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }
}
