package io.jenkins.plugins.mesa.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NetconfFramingTest {
    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void endOfMessageMarkerIsFoundEvenAfterPartialMarkers() throws IOException {
        ByteArrayInputStream in = in("<a>]]</a>]]]>]]><b/>]]>]]>");
        assertThat(new String(NetconfFraming.read(in, false), StandardCharsets.UTF_8)).isEqualTo("<a>]]</a>]");
        assertThat(new String(NetconfFraming.read(in, false), StandardCharsets.UTF_8)).isEqualTo("<b/>");
        assertThat(NetconfFraming.read(in, false)).isNull();
    }

    @Test
    void chunkedMessagesAreReassembledAndSizesCountBytes() throws IOException {
        String body = "<x>é✓</x>";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String framed = "\n#4\n<x>é" .replace("#4", "#" + "<x>é".getBytes(StandardCharsets.UTF_8).length)
                + "\n#" + (bytes.length - "<x>é".getBytes(StandardCharsets.UTF_8).length) + "\n✓</x>\n##\n";
        assertThat(new String(NetconfFraming.read(in(framed), true), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void writeThenReadRoundTripsInBothFramings() throws IOException {
        for (boolean chunked : new boolean[] {false, true}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NetconfFraming.write(out, "<rpc>ü</rpc>".getBytes(StandardCharsets.UTF_8), chunked);
            NetconfFraming.write(out, "<rpc/>".getBytes(StandardCharsets.UTF_8), chunked);
            ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
            assertThat(new String(NetconfFraming.read(in, chunked), StandardCharsets.UTF_8)).isEqualTo("<rpc>ü</rpc>");
            assertThat(new String(NetconfFraming.read(in, chunked), StandardCharsets.UTF_8)).isEqualTo("<rpc/>");
        }
    }

    @Test
    void malformedChunkFramingIsRejected() {
        assertThatThrownBy(() -> NetconfFraming.read(in("\n#0\n\n##\n"), true)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> NetconfFraming.read(in("\n#abc\n"), true)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> NetconfFraming.read(in("\n#10\nshort"), true)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> NetconfFraming.read(in("<unterminated>"), false)).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> NetconfFraming.read(in("\n#99999999999\n"), true)).isInstanceOf(IOException.class);
    }

    @Test
    void repliesWithDoctypeOrExternalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rpc-reply message-id=\"1\">&x;</rpc-reply>";
        assertThatThrownBy(() -> NetconfXml.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(NetconfException.class, e -> assertThat(e.reason()).isEqualTo("protocol-error"));
    }

    @Test
    void errorsNestedInJunosResultsAreFoundAndWarningsJudgedByTheAllowList() {
        RpcReply reply = new RpcReply(NetconfXml.parse(("<rpc-reply xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                + "<load-configuration-results><rpc-error><error-severity>warning</error-severity>"
                + "<error-message>\nstatement not found\n</error-message></rpc-error><load-success/>"
                + "</load-configuration-results></rpc-reply>").getBytes(StandardCharsets.UTF_8)).getDocumentElement());
        assertThat(reply.errors()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo("statement not found"));
        assertThat(reply.requireSuccess("load-configuration", WarningAllowList.junosDefaults())).isSameAs(reply);
        assertThatThrownBy(() -> reply.requireSuccess("load-configuration", WarningAllowList.of("something else")))
                .isInstanceOf(RpcErrorException.class);
    }
}
