package dev.minstrel.subsonic.cover;

import dev.minstrel.subsonic.protocol.Params;
import org.springframework.web.util.UriComponentsBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * getCoverArt URLs that need no credentials, for the image URLs of getArtistInfo and
 * getAlbumInfo: clients load those with a plain HTTP client and may log, cache or share them, so
 * they must not carry the caller's token, salt or API key. Instead they carry
 * {@code sig} = base64url(HMAC-SHA256(key, id + "\n" + size)), which only this server can make.
 * A signed URL answers exactly its image, at exactly its size; it does not expire, and stops
 * working only when the key does (the server derives it from {@code data/secret.key}).
 */
public final class CoverArtUrls {

    public static final String SIGNATURE = "sig";

    private final SecretKeySpec key;

    /** @param key at least 256 bits, used for nothing else */
    public CoverArtUrls(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the cover art URL key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
    }

    /**
     * The URL of a cover art id's image at a size, beside the {@code /rest/} path of the current
     * request (same scheme, host and prefix).
     */
    public String url(URI request, String coverArtId, int size) {
        String path = request.getRawPath();
        int rest = path.indexOf("/rest/");
        String base = rest < 0 ? "/" : path.substring(0, rest + 1);
        return UriComponentsBuilder.fromUri(request).replacePath(base + "rest/getCoverArt").replaceQuery(null)
                .queryParam("id", coverArtId).queryParam("size", size)
                .queryParam(SIGNATURE, signature(coverArtId, size))
                .encode().build().toUriString();
    }

    /** Whether the call's {@code sig} signs its {@code id} and {@code size}, as its handler reads them. */
    public boolean verify(Params params) {
        String given = params.string(SIGNATURE).orElse("");
        String id = params.string("id").orElse(null);
        if (given.isEmpty() || id == null || id.isBlank() || params.all("id").size() > 1 || params.all("size").size() > 1) {
            return false;
        }
        Integer size = params.integer("size").orElse(null);
        byte[] expected = signature(id, size).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    String signature(String coverArtId, Integer size) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((coverArtId + "\n" + (size == null ? "" : size)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
