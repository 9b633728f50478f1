package dev.minstrel.subsonic.auth;

/**
 * Limits failed sign-ins (not the API: a client sync sends hundreds of requests a minute). The
 * server implements it with bucket4j; the methods are called on the event loop and must not block.
 */
public interface LoginGuard {

    /** False when this address or username failed too often lately; the call is then refused unchecked. */
    boolean allows(String clientAddress, String username);

    void failed(String clientAddress, String username);

    void succeeded(String clientAddress, String username);

    /** A guard that never refuses, for tests and single-user setups. */
    static LoginGuard permissive() {
        return new LoginGuard() {
            @Override
            public boolean allows(String clientAddress, String username) {
                return true;
            }

            @Override
            public void failed(String clientAddress, String username) {
            }

            @Override
            public void succeeded(String clientAddress, String username) {
            }
        };
    }
}
