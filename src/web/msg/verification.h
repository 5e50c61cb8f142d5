/* Verified parties (verification.c). */

X(VERIFICATION, "Verificatie", "Verification")
X(VERIFIED, "Geverifieerd", "Verified")
X(VERIFIED_BY, "Geverifieerd door %s op %s.", "Verified by %s on %s.")
X(VERIFIED_ON, "Geverifieerd op %s.", "Verified on %s.")
X(VERIFIED_HINT, "Een beheerder of een coördinator van het gebied heeft bevestigd dat deze partij is wie ze zegt.",
  "An administrator or a coordinator of the area has confirmed that this party is who it says it is.")
X(NOT_VERIFIED, "Niet geverifieerd.", "Not verified.")
X(NOT_VERIFIED_HINT, "Nog niemand heeft bevestigd dat deze partij is wie ze zegt. Zolang dat zo is, krijgt ze geen signalen van anderen: geen signalen over regels en geen signalen van bewoners.",
  "No one has confirmed yet that this party is who it says it is. Until then it receives no signals from others: no signals about rules and no signals from residents.")
X(VERIFY, "Verifiëren", "Verify")
X(VERIFY_HINT, "Heb je nagegaan dat deze partij is wie ze zegt? Verifieer haar dan. Een geverifieerde overheidspartij krijgt de signalen over regels in haar gebied.",
  "Have you checked that this party is who it says it is? Then verify it. A verified government party receives the signals about rules in its area.")
X(UNVERIFY, "Verificatie intrekken", "Withdraw the verification")
X(VERIFY_DONE, "De partij is geverifieerd.", "The party has been verified.")
X(UNVERIFY_DONE, "De verificatie is ingetrokken.", "The verification has been withdrawn.")

/* in the activity log */
X(ACTION_VERIFY, "Geverifieerd", "Verified")
X(ACTION_UNVERIFY, "Verificatie ingetrokken", "Verification withdrawn")
