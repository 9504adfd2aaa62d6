#ifndef WSPROBE_COPENSSL_SHIM_H
#define WSPROBE_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/sha.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/evp.h>

/// Wrappers for OpenSSL APIs that are macros, which Swift cannot import.
static inline long wsprobe_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}

static inline long wsprobe_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}

static inline long wsprobe_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}

static inline long wsprobe_BIO_get_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

static inline long wsprobe_BIO_set_mem_eof_return(BIO *bio, int value) {
    return BIO_set_mem_eof_return(bio, value);
}

static inline int wsprobe_BIO_pending(BIO *bio) {
    return (int)BIO_ctrl_pending(bio);
}

static inline long wsprobe_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

static inline int wsprobe_X509_get_notAfter_days(const X509 *cert, int *days, int *seconds) {
    return ASN1_TIME_diff(days, seconds, NULL, X509_get0_notAfter(cert));
}

/// X509_NAME_print_ex flags for one-line RFC 2253 names ("CN=localhost,O=wsprobe tests").
static inline unsigned long wsprobe_XN_FLAG_RFC2253(void) {
    return XN_FLAG_RFC2253;
}

static inline int wsprobe_sk_X509_num(const STACK_OF(X509) *stack) {
    return sk_X509_num(stack);
}

static inline X509 *wsprobe_sk_X509_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}

/// Refuses TLS 1.2 renegotiation (a peer-initiated renegotiation has no use for a WebSocket client).
static inline uint64_t wsprobe_SSL_CTX_set_no_renegotiation(SSL_CTX *ctx) {
    return SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
}

static inline int wsprobe_X509_get_notBefore_days(const X509 *cert, int *days, int *seconds) {
    return ASN1_TIME_diff(days, seconds, NULL, X509_get0_notBefore(cert));
}

/// A new P-256 key pair (EVP_EC_gen is a macro over the variadic EVP_PKEY_Q_keygen).
static inline EVP_PKEY *wsprobe_EVP_EC_gen_P256(void) {
    return EVP_EC_gen("P-256");
}

#endif
