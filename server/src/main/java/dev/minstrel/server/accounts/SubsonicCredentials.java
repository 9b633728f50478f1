package dev.minstrel.server.accounts;

/**
 * An enabled account with its password in clear, for checking a Subsonic {@code t}/{@code s}
 * token ({@code t = md5(password + s)}) or a plain {@code p}. Never log it: {@link #toString()}
 * leaves the password out.
 */
public record SubsonicCredentials(Account account, String password) {

    /** Whether {@code token} is {@code md5(password + salt)} in hex, compared in constant time. */
    public boolean matchesToken(String token, String salt) {
        if (token == null || salt == null) {
            return false;
        }
        try {
            byte[] expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest((password + salt).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return java.security.MessageDigest.isEqual(expected,
                    token.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "SubsonicCredentials[" + account.username() + "]";
    }
}
