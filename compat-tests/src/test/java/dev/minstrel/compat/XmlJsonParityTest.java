package dev.minstrel.compat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parity check itself, on hand-written twins and a schema in the shape of the Subsonic XSD. */
class XmlJsonParityTest {

    private static final String XSD = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:sub="http://subsonic.org/restapi"
                       targetNamespace="http://subsonic.org/restapi" elementFormDefault="qualified">
              <xs:element name="subsonic-response" type="sub:Response"/>
              <xs:complexType name="Response">
                <xs:choice minOccurs="0" maxOccurs="1">
                  <xs:element name="albumList2" type="sub:AlbumList2"/>
                  <xs:element name="genres" type="sub:Genres"/>
                </xs:choice>
                <xs:attribute name="status" type="xs:string" use="required"/>
              </xs:complexType>
              <xs:complexType name="AlbumList2">
                <xs:sequence><xs:element name="album" type="sub:AlbumID3" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              </xs:complexType>
              <xs:complexType name="AlbumID3">
                <xs:attribute name="id" type="xs:string" use="required"/>
                <xs:attribute name="songCount" type="xs:int" use="required"/>
                <xs:attribute name="userRating" type="sub:UserRating" use="optional"/>
                <xs:attribute name="starred" type="xs:boolean" use="optional"/>
              </xs:complexType>
              <xs:simpleType name="UserRating"><xs:restriction base="xs:int"/></xs:simpleType>
              <xs:complexType name="Genres">
                <xs:sequence><xs:element name="genre" type="sub:Genre" minOccurs="0" maxOccurs="unbounded"/></xs:sequence>
              </xs:complexType>
              <xs:complexType name="Genre" mixed="true">
                <xs:attribute name="songCount" type="xs:int" use="required"/>
              </xs:complexType>
            </xs:schema>
            """;
    private static final String ENVELOPE = "<subsonic-response xmlns=\"http://subsonic.org/restapi\" status=\"ok\">%s</subsonic-response>";

    @TempDir
    static Path dir;
    static XsdTypes schema;

    @BeforeAll
    static void writeSchema() throws Exception {
        Path xsd = dir.resolve("subsonic.xsd");
        Files.writeString(xsd, XSD);
        schema = XsdTypes.read(xsd);
    }

    private static List<String> differences(String xmlPayload, String jsonPayload) {
        Element xml = XsdValidator.parse(ENVELOPE.formatted(xmlPayload)).getDocumentElement();
        return XmlJsonParity.differences(xml, SubsonicClient.parse("{\"status\":\"ok\"" + jsonPayload + "}"), schema);
    }

    @Test
    void faithfulTwinsHaveNoDifferences() {
        assertThat(differences("<albumList2><album id=\"al-1\" songCount=\"3\" userRating=\"4\"/></albumList2>"
                        + "", ",\"albumList2\":{\"album\":[{\"id\":\"al-1\",\"songCount\":3,\"userRating\":4}]}"))
                .isEmpty();
        assertThat(differences("<genres><genre songCount=\"2\">Rock</genre></genres>",
                ",\"genres\":{\"genre\":[{\"songCount\":2,\"value\":\"Rock\"}]}")).isEmpty();
        assertThat(differences("<albumList2/>", ",\"albumList2\":{}")).as("an empty list is left out").isEmpty();
    }

    @Test
    void aListOfOneMustStillBeAnArray() {
        assertThat(differences("<albumList2><album id=\"al-1\" songCount=\"3\"/></albumList2>",
                ",\"albumList2\":{\"album\":{\"id\":\"al-1\",\"songCount\":3}}"))
                .singleElement().asString().contains("albumList2/album").contains("JSON array");
    }

    @Test
    void numbersAndBooleansMustNotBeQuoted() {
        assertThat(differences("<albumList2><album id=\"al-1\" songCount=\"3\" userRating=\"4\" starred=\"true\"/></albumList2>",
                ",\"albumList2\":{\"album\":[{\"id\":\"al-1\",\"songCount\":\"3\",\"userRating\":\"4\",\"starred\":\"true\"}]}"))
                .hasSize(3).allSatisfy(d -> assertThat(d).contains("the XSD makes it a"));
    }

    @Test
    void idsMustNotBeNumbersAndValuesMustAgree() {
        assertThat(differences("<albumList2><album id=\"17\" songCount=\"3\"/></albumList2>",
                ",\"albumList2\":{\"album\":[{\"id\":17,\"songCount\":4}]}"))
                .hasSize(2).anySatisfy(d -> assertThat(d).contains("@id").contains("a string"))
                .anySatisfy(d -> assertThat(d).contains("@songCount: XML 3 vs JSON 4"));
    }

    @Test
    void missingAndExtraFieldsAreFound() {
        assertThat(differences("<albumList2><album id=\"al-1\" songCount=\"3\"/></albumList2>",
                ",\"albumList2\":{\"album\":[{\"id\":\"al-1\",\"name\":\"Only in JSON\"}]}"))
                .containsExactlyInAnyOrder("subsonic-response/albumList2/album[0]/@songCount: missing in JSON",
                        "subsonic-response/albumList2/album[0]/name: in JSON only (\"Only in JSON\")");
    }
}
