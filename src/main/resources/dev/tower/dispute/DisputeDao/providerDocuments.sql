-- The provider's verification documents, summarised (never their bytes) for the evidence pack.
SELECT pd.kind, pd.file_name, pd.decision, pd.expires_on, pd.reviewed_by, pd.reviewed_at
FROM provider_documents pd JOIN bookings b ON b.provider_id = pd.provider_id
WHERE b.id = :booking
ORDER BY pd.kind, pd.uploaded_at DESC
