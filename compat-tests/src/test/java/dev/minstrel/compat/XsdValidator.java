package dev.minstrel.compat;

import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks XML responses against the official Subsonic 1.16.1 XSD with the shared validator, which
 * tolerates OpenSubsonic additions and checks everything the XSD declares. The XSD is reference
 * material beside the project (../shared), present in CI, where {@code minstrel.require-xsd}
 * makes its absence a failure; a bare clone still checks that every response is well-formed
 * XML in the Subsonic namespace.
 */
public final class XsdValidator {

    public static final String NAMESPACE = "http://subsonic.org/restapi";

    private XsdValidator() {
    }

    public static Path xsd() {
        String configured = System.getProperty("minstrel.xsd");
        Path xsd = configured != null ? Path.of(configured)
                : Path.of("../../shared/subsonic/subsonic-rest-api-1.16.1.xsd");
        boolean required = Boolean.getBoolean("minstrel.require-xsd");
        if (!Files.isRegularFile(xsd)) {
            if (required) {
                throw new AssertionError("the Subsonic XSD is required but missing: " + xsd.toAbsolutePath());
            }
            return null;
        }
        return xsd;
    }

    /** Asserts the response is well-formed, in the Subsonic namespace, and valid where the XSD is at hand. */
    public static Document assertValid(String label, String xml) {
        Document document = parse(xml);
        assertThat(document.getDocumentElement().getNamespaceURI()).as(label).isEqualTo(NAMESPACE);
        assertThat(document.getDocumentElement().getLocalName()).as(label).isEqualTo("subsonic-response");
        Path xsd = xsd();
        if (xsd != null) {
            Path validator = xsd.resolveSibling("validate-response.py");
            try {
                Path file = Files.createTempFile("subsonic-", ".xml");
                Files.writeString(file, xml);
                Process process = new ProcessBuilder("python3", validator.toString(), "--xsd", xsd.toString(),
                        file.toString()).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as(label + " against the XSD:\n" + output + "\n" + xml).isZero();
                Files.delete(file);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return document;
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
