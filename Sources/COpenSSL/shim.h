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
#endif
