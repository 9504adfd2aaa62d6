#!/bin/sh
# Generates the PEM fixtures the TLSOpenSSL tests use, with the openssl CLI only.
#
# Usage: scripts/gen-test-certs.sh DIR
#
# Writes into DIR (created if missing):
#   ca.pem, ca.key                 test CA ("wsprobe test CA")
#   server.pem, server.key         leaf for localhost, 127.0.0.1 and ::1, signed by the test CA
#   expired.pem, expired.key       leaf for localhost signed by the test CA, valid 2020-01-01..2021-01-01
#   future.pem, future.key         leaf for localhost signed by the test CA, not valid before 2099-01-01
#   wronghost.pem, wronghost.key   leaf for wrong.example.com only, signed by the test CA
#   other-ca.pem, other-ca.key     a second CA the tests never trust
#   untrusted.pem, untrusted.key   leaf for localhost, 127.0.0.1 and ::1, signed by the second CA
#   client.pem, client.key         client-auth leaf ("wsprobe test client"), signed by the test CA
#
# Keys are EC P-256 (fast to generate). Leaves are valid for 30 days, CAs for 60, so a fresh run is always
# valid and the expired leaf is always expired. Nothing here is secret: regenerate at will.
set -eu

if [ "$#" -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 64
fi
out=$1
mkdir -p "$out"
cd "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

newkey() {
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null
}

# make_ca NAME CN
make_ca() {
    newkey "$1.key"
    openssl req -new -x509 -key "$1.key" -out "$1.pem" -days 60 -subj "/O=wsprobe tests/CN=$2" \
        -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -addext "subjectKeyIdentifier=hash"
}

# make_leaf NAME CA CN SAN EKU [extra openssl-ca arguments]
make_leaf() {
    name=$1 ca=$2 cn=$3 san=$4 eku=$5
    shift 5
    newkey "$name.key"
    openssl req -new -key "$name.key" -out "$work/$name.csr" -subj "/O=wsprobe tests/CN=$cn"
    cat > "$work/$name.ext" <<EXT
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=$eku
subjectAltName=$san
authorityKeyIdentifier=keyid
subjectKeyIdentifier=hash
EXT
    # `openssl ca` (not `openssl x509 -req`) because only it takes explicit start and end dates in 3.0.
    rm -rf "$work/db" && mkdir "$work/db" && : > "$work/db/index.txt"
    cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = test_ca
[ test_ca ]
database = $work/db/index.txt
new_certs_dir = $work/db
serial = $work/db/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
organizationName = optional
commonName = supplied
CNF
    openssl rand -hex 16 > "$work/db/serial"
    openssl ca -batch -notext -config "$work/ca.cnf" -cert "$ca.pem" -keyfile "$ca.key" \
        -in "$work/$name.csr" -out "$name.pem" -extfile "$work/$name.ext" "$@" 2>/dev/null
}

make_ca ca "wsprobe test CA"
make_ca other-ca "wsprobe untrusted CA"

local_san="DNS:localhost,IP:127.0.0.1,IP:::1"
make_leaf server ca localhost "$local_san" serverAuth -days 30
make_leaf expired ca localhost "$local_san" serverAuth -startdate 20200101000000Z -enddate 20210101000000Z
make_leaf future ca localhost "$local_san" serverAuth -startdate 20990101000000Z -enddate 21000101000000Z
make_leaf wronghost ca wrong.example.com "DNS:wrong.example.com" serverAuth -days 30
make_leaf untrusted other-ca localhost "$local_san" serverAuth -days 30
make_leaf client ca "wsprobe test client" "DNS:client.wsprobe.test" clientAuth -days 30
