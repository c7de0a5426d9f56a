"""The items each SEC form defines, in the form's order, with their official titles (data only)."""

from __future__ import annotations

# Form 10-K (Regulation S-K); ids as the form writes them.
TEN_K: dict[str, str] = {
    "1": "Business", "1A": "Risk Factors", "1B": "Unresolved Staff Comments", "1C": "Cybersecurity",
    "2": "Properties", "3": "Legal Proceedings", "4": "Mine Safety Disclosures",
    "5": "Market for Registrant's Common Equity, Related Stockholder Matters and Issuer Purchases of Equity Securities",
    "6": "[Reserved]",
    "7": "Management's Discussion and Analysis of Financial Condition and Results of Operations",
    "7A": "Quantitative and Qualitative Disclosures About Market Risk",
    "8": "Financial Statements and Supplementary Data",
    "9": "Changes in and Disagreements with Accountants on Accounting and Financial Disclosure",
    "9A": "Controls and Procedures", "9B": "Other Information",
    "9C": "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
    "10": "Directors, Executive Officers and Corporate Governance", "11": "Executive Compensation",
    "12": "Security Ownership of Certain Beneficial Owners and Management and Related Stockholder Matters",
    "13": "Certain Relationships and Related Transactions, and Director Independence",
    "14": "Principal Accountant Fees and Services", "15": "Exhibits and Financial Statement Schedules",
    "16": "Form 10-K Summary",
}  # fmt: skip

# Form 10-Q: item numbers restart in Part II, so ids carry the part: "I-2", "II-1A".
TEN_Q: dict[str, str] = {
    "I-1": "Financial Statements",
    "I-2": "Management's Discussion and Analysis of Financial Condition and Results of Operations",
    "I-3": "Quantitative and Qualitative Disclosures About Market Risk", "I-4": "Controls and Procedures",
    "II-1": "Legal Proceedings", "II-1A": "Risk Factors",
    "II-2": "Unregistered Sales of Equity Securities and Use of Proceeds",
    "II-3": "Defaults Upon Senior Securities", "II-4": "Mine Safety Disclosures",
    "II-5": "Other Information", "II-6": "Exhibits",
}  # fmt: skip

# Form 20-F; "3.D" (Risk Factors) is the one sub-item kept as its own section.
TWENTY_F: dict[str, str] = {
    "1": "Identity of Directors, Senior Management and Advisers", "2": "Offer Statistics and Expected Timetable",
    "3": "Key Information", "3.D": "Risk Factors", "4": "Information on the Company",
    "4A": "Unresolved Staff Comments", "5": "Operating and Financial Review and Prospects",
    "6": "Directors, Senior Management and Employees", "7": "Major Shareholders and Related Party Transactions",
    "8": "Financial Information", "9": "The Offer and Listing", "10": "Additional Information",
    "11": "Quantitative and Qualitative Disclosures About Market Risk",
    "12": "Description of Securities Other than Equity Securities",
    "13": "Defaults, Dividend Arrearages and Delinquencies",
    "14": "Material Modifications to the Rights of Security Holders and Use of Proceeds",
    "15": "Controls and Procedures", "16": "[Reserved]", "16A": "Audit Committee Financial Expert",
    "16B": "Code of Ethics", "16C": "Principal Accountant Fees and Services",
    "16D": "Exemptions from the Listing Standards for Audit Committees",
    "16E": "Purchases of Equity Securities by the Issuer and Affiliated Purchasers",
    "16F": "Change in Registrant's Certifying Accountant", "16G": "Corporate Governance",
    "16H": "Mine Safety Disclosure", "16I": "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
    "16J": "Insider Trading Policies", "16K": "Cybersecurity",
    "17": "Financial Statements", "18": "Financial Statements", "19": "Exhibits",
}  # fmt: skip

SECTION_FORMS: dict[str, dict[str, str]] = {"10-K": TEN_K, "10-Q": TEN_Q, "20-F": TWENTY_F}

# Form 8-K items, titled as EDGAR's filing index and SGML header (ITEM INFORMATION) write them.
EIGHT_K: dict[str, str] = {
    "1.01": "Entry into a Material Definitive Agreement",
    "1.02": "Termination of a Material Definitive Agreement",
    "1.03": "Bankruptcy or Receivership",
    "1.04": "Mine Safety - Reporting of Shutdowns and Patterns of Violations",
    "1.05": "Material Cybersecurity Incidents",
    "2.01": "Completion of Acquisition or Disposition of Assets",
    "2.02": "Results of Operations and Financial Condition",
    "2.03": "Creation of a Direct Financial Obligation or an Obligation under an Off-Balance Sheet "
    "Arrangement of a Registrant",
    "2.04": "Triggering Events That Accelerate or Increase a Direct Financial Obligation or an Obligation "
    "under an Off-Balance Sheet Arrangement",
    "2.05": "Costs Associated with Exit or Disposal Activities",
    "2.06": "Material Impairments",
    "3.01": "Notice of Delisting or Failure to Satisfy a Continued Listing Rule or Standard; Transfer of Listing",
    "3.02": "Unregistered Sales of Equity Securities",
    "3.03": "Material Modification to Rights of Security Holders",
    "4.01": "Changes in Registrant's Certifying Accountant",
    "4.02": "Non-Reliance on Previously Issued Financial Statements or a Related Audit Report or Completed "
    "Interim Review",
    "5.01": "Changes in Control of Registrant",
    "5.02": "Departure of Directors or Certain Officers; Election of Directors; Appointment of Certain "
    "Officers: Compensatory Arrangements of Certain Officers",
    "5.03": "Amendments to Articles of Incorporation or Bylaws; Change in Fiscal Year",
    "5.04": "Temporary Suspension of Trading Under Registrant's Employee Benefit Plans",
    "5.05": "Amendments to the Registrant's Code of Ethics, or Waiver of a Provision of the Code of Ethics",
    "5.06": "Change in Shell Company Status",
    "5.07": "Submission of Matters to a Vote of Security Holders",
    "5.08": "Shareholder Director Nominations",
    "6.01": "ABS Informational and Computational Material",
    "6.02": "Change of Servicer or Trustee",
    "6.03": "Change in Credit Enhancement or Other External Support",
    "6.04": "Failure to Make a Required Distribution",
    "6.05": "Securities Act Updating Disclosure",
    "6.06": "Static Pool",
    "6.10": "Alternative Filings of Asset-Backed Issuers",
    "7.01": "Regulation FD Disclosure",
    "8.01": "Other Events",
    "9.01": "Financial Statements and Exhibits",
}
