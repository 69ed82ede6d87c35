package io.jenkins.plugins.mesa.lab.junos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimFramingTest {

    @Test
    void endOfMessageSurvivesBracketsInsideTheMessage() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream("<a>]]]></a>]]>]]><b/>]]>]]>".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(SimFraming.read(in, false), StandardCharsets.UTF_8)).isEqualTo("<a>]]]></a>");
        assertThat(new String(SimFraming.read(in, false), StandardCharsets.UTF_8)).isEqualTo("<b/>");
        assertThat(SimFraming.read(in, false)).isNull();
    }

    @Test
    void chunkedWriterSplitsLargeMessagesAndReaderJoinsThem() throws IOException {
        byte[] big = "é".repeat(5000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimFraming.write(out, big, true);
        String framed = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(framed).startsWith("\n#4096\n").endsWith("\n##\n");
        assertThat(SimFraming.read(new ByteArrayInputStream(out.toByteArray()), true)).isEqualTo(big);
    }

    @Test
    void badChunkHeaderIsAnError() {
        assertThatThrownBy(() -> SimFraming.read(new ByteArrayInputStream("\n#x\n".getBytes(StandardCharsets.US_ASCII)), true))
                .isInstanceOf(IOException.class);
    }
}
