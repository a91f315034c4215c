-- Bank and tax details (seed 001 §5.2): stored encrypted with pgcrypto's public-key functions, beside a
-- masked form (last four characters). The payments service holds the private key; Tower and its database
-- only ever hold the public key, so nobody on staff (nor the owner, nor a stolen dump) can read them back.
-- The clear jsonb columns on providers are moved here encrypted and dropped.

-- pgcrypto is a trusted extension; like pg_trgm (V20) it lives in tower_ext, away from public.
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA tower_ext;

-- The payments service's public key (armored OpenPGP, RSA 2048 with an encryption subkey). A copy is the
-- resource dev/tower/provider/payout/payments-public-key.asc; rotating it is an UPDATE of this one row.
CREATE TABLE payout_encryption_key (
    only_row           boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    armored_public_key text NOT NULL CHECK (armored_public_key LIKE '-----BEGIN PGP PUBLIC KEY BLOCK-----%'),
    installed_at       timestamptz NOT NULL DEFAULT now()
);
INSERT INTO payout_encryption_key (armored_public_key) VALUES ($key$-----BEGIN PGP PUBLIC KEY BLOCK-----

mQENBGsQIpIBCADdBN6QCZ5T2VgydlHHJTmlC2uyo/H1jJk3BU9qxx1dVkFac1Nm
0VciZz/nuJzmuzfTP6y3+huT6EjAuj6PWEOxR1KbmHrPJBEGxjcl9qadB5uHttee
jJPgI32S+4p2IIcPc9E8o0xm6h/GfUQsycqvQiuH6lWQl7wrwrj0pzBTC1NwqIxq
zTHd+i7Tv/0JZf7eFiNtWbZGpIYcDcxeqgyANlpgtRNwwVrMsh0jogAOgdHL6PX7
eICyekQwswEQZqVNPYaAMKuxvuHxbgRlwUFC3OLe9m1KOHmsptNYoc4FX0wbL3o5
qvzs2gdDO4LITuPQV2KqV918hq/3MqnxomXZABEBAAG0NFRvd2VyIHBheW91dCBk
ZXRhaWxzIChkZW1vKSA8cGF5bWVudHNAdG93ZXIuZXhhbXBsZT6JAU4EEwEKADgW
IQT9lcTrsUpsZeFxS0aETex1FVUu+wUCaxAikgIbAwULCQgHAgYVCgkICwIEFgID
AQIeAQIXgAAKCRCETex1FVUu++5hCAC9dSYp8rbf1U3YZz5bzSqJ0tp4yHkK2Ksh
K0qLdJ57oKmB9fOxmVMb1XI20XkX0zgap86BA9ppoDA/7AyX2JDHPjS/g/pzbyWG
eChGpIUlmkySCjb4FCxj4fdk4CzW/0l3VmK/HHVwY/nFUI7MO8Y7/rGVQvemc4va
Avp9ZyieAFDRVjGfZlH5nQIqelx7vg/xBZQ9B/EYg5xG/WpqrWYNwcjAcADBxdif
ANGWsN/t9LIHDL3Z2o3y2n4aaZiGocgYHCFh6Q/K1UzrAAGLUilXbmnx7BicdKyG
hipurjR2OS3askv78yS8WmYMlO3oITh4eTAwHDgIfG+l6pLq2N2SuQENBGsQIpIB
CADE9cvKZ6Q8RPbiRccbyzOG/TFjV/iKPkhwDgESV1WBw5e7lDyGXJhiz9R7qhm3
lKVTAoZn4PdHMYIQIVFB+lcB3Lqjiu865LjAVaCPiLNNOleMxtBqcerPRU26sm3w
bwa6xyjTWz5bhttYPDAmd2r4t/dlmXBRm7EBzrGxTncqfeb0h4w5uIf4YgX9rqq9
5LdXjIfcRBdIgQd8hd1HIIKwiMPhRTgcnCp6viseUR9/F1AE+NhJLF8s2nlyFABg
LoWHTgn84jaOLRmJ/Zv01UUXQap4Wp6poHE63IIIgxaJTRUHB0lWVsOGijkEPTuR
MxkCLc9PPrdaV9PymC38TNJVABEBAAGJATYEGAEKACAWIQT9lcTrsUpsZeFxS0aE
Tex1FVUu+wUCaxAikgIbDAAKCRCETex1FVUu+06CCADFNS+LeWdP8220KJD93PdE
qjxpvz+S6RjUVMNEIMt70hRNpouBzc/LypYEyZwfFkDOHeFEPnQNt8ms1I4IFQJ3
nkZBOq2GtAQ4ApvwYBoUg9FNsy+EOeKt4+qoYCe+/RBdVBhkqRrRROkqiymaGkbN
y2ET4tnlPMs4UbbBMg6tPIsCC6R7/PHFKs+MKg5IRdUa2efGmrUDyYvoBXUMObOb
gKbLqWOa3sEw+Xzv/dbSBQ8c9W32u54nNdpABs9tff/7vTb8gximI62Zv0mRcLOa
RNxcguSQhzNsqubmGtbEETv/bxEvAoaj/+XF/CTMtuJ9yMTrZv1/gDEO3ls46rny
=8hN6
-----END PGP PUBLIC KEY BLOCK-----
$key$);

CREATE TABLE provider_payout_details (
    provider_id       uuid PRIMARY KEY REFERENCES providers (id) ON DELETE CASCADE,
    bank_account_pgp  bytea,
    bank_account_mask text CHECK (bank_account_mask ~ '^•••• [0-9A-Za-z?]{1,4}$'),
    tax_id_pgp        bytea,
    tax_id_mask       text CHECK (tax_id_mask ~ '^•••• [0-9A-Za-z?]{1,4}$'),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payout_bank_mask_with_cipher CHECK ((bank_account_pgp IS NULL) = (bank_account_mask IS NULL)),
    CONSTRAINT payout_tax_mask_with_cipher CHECK ((tax_id_pgp IS NULL) = (tax_id_mask IS NULL))
);
-- Staff see the masks only; the ciphertext is for the payments service, which is not a staff role.
REVOKE ALL ON payout_encryption_key, provider_payout_details FROM PUBLIC, tower_admin, tower_ops, tower_analyst;
GRANT SELECT (provider_id, bank_account_mask, tax_id_mask, updated_at) ON provider_payout_details TO tower_admin, tower_ops;

-- Encrypts one value for the payments service. Internal: callers are migrations, the demo and future
-- write paths, never staff directly.
CREATE FUNCTION tower_internal.seal_for_payments(p_clear text)
RETURNS bytea
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, tower_ext, pg_temp
AS $$
    SELECT CASE WHEN p_clear IS NOT NULL
                THEN tower_ext.pgp_pub_encrypt(p_clear, tower_ext.dearmor(k.armored_public_key), 'cipher-algo=aes256') END
    FROM payout_encryption_key k
$$;

-- "•••• 1234": the last four letters or digits of the value, or NULL when there is none.
CREATE FUNCTION tower_internal.payout_mask(p_clear text)
RETURNS text
LANGUAGE sql
IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN regexp_replace(coalesce(p_clear, ''), '[^0-9A-Za-z]', '', 'g') <> ''
                THEN '•••• ' || right(regexp_replace(p_clear, '[^0-9A-Za-z]', '', 'g'), 4) END
$$;
REVOKE EXECUTE ON FUNCTION tower_internal.seal_for_payments(text), tower_internal.payout_mask(text) FROM PUBLIC;

-- Existing clear details: the account or tax number if the app stored one, else whatever digits it kept.
INSERT INTO provider_payout_details (provider_id, bank_account_pgp, bank_account_mask, tax_id_pgp, tax_id_mask)
SELECT p.id,
       tower_internal.seal_for_payments(p.bank_account_info::text),
       CASE WHEN p.bank_account_info IS NOT NULL
            THEN coalesce(tower_internal.payout_mask(coalesce(p.bank_account_info ->> 'account_number',
                                                              p.bank_account_info ->> 'account_last4')), '•••• ?') END,
       tower_internal.seal_for_payments(p.tax_info::text),
       CASE WHEN p.tax_info IS NOT NULL
            THEN coalesce(tower_internal.payout_mask(coalesce(p.tax_info ->> 'tin', p.tax_info ->> 'tin_last4')), '•••• ?') END
FROM providers p
WHERE p.bank_account_info IS NOT NULL OR p.tax_info IS NOT NULL;

ALTER TABLE providers DROP COLUMN bank_account_info, DROP COLUMN tax_info;
