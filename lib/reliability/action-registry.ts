// Every server action built with validatedAction, with the schema it parses and who may call it.
// action-registry.test.ts reads the 'use server' files and fails when an action is missing here
// (or names another schema); action-fuzz.test.ts fuzzes each one through the real action.
import { z } from 'zod';
import { resendSchema, signupSchema } from '@/lib/accounts/schemas';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/auth/password-reset-schema';
import { endUserSessionsSchema, signOutEverywhereSchema } from '@/lib/auth/sign-out-everywhere-schema';
import { billingDetailsSchema, paymentSetupSchema, vatNumberSchema } from '@/lib/billing/schemas';
import { carryOutCancellationSchema, recordCancellationSchema, stopAccountSchema } from '@/lib/cancellation/schemas';
import { addCreditSchema } from '@/lib/credit/schemas';
import { approveSchema, logEmailedRequestSchema, proposalSchema, recordApprovalSchema, refuseSchema, requestIdSchema, requestSchema } from '@/lib/custom-services/schemas';
import { dealSchema, editDealSchema, importCodesSchema, redeemSchema, revokeCodeSchema, suspendHolderSchema } from '@/lib/deals/schemas';
import { requestCorrectionSchema } from '@/lib/invoices/correction-schema';
import { endSurchargeSchema, flagDecisionSchema } from '@/lib/login-sharing/schemas';
import { cancelMaintenanceSchema, scheduleMaintenanceSchema } from '@/lib/maintenance/schemas';
import { cancelScheduledChangeSchema, confirmPlanChangeSchema, planChangeSchema } from '@/lib/plans/schemas';
import { schedulePriceChangeSchema, withdrawPriceChangeSchema } from '@/lib/prices/schemas';
import { advanceSchema, assignSchema, completeSchema, decisionSchema, noteSchema, privacyRequestSchema } from '@/lib/privacy/request-schemas';
import { addressFormSchema, announcementIdSchema, announcementSchema, consentChangeSchema } from '@/lib/privacy/schemas';
import { editSubProcessorSchema, removeSubProcessorSchema, subProcessorSchema } from '@/lib/privacy/sub-processor-schemas';
import { extendTrialSchema, requeueSchema, retryChargeSchema } from '@/lib/staff/schemas';
import { contactAttemptSchema, endAccessSchema, reactivateSchema, startAccessSchema, suspendSchema, terminateSchema } from '@/lib/standing/schemas';
import { acceptInvitationSchema, changeRoleSchema, invitationIdSchema, inviteSchema, removeUserSchema } from '@/lib/team/schemas';
import { acceptTermsSchema, publishTermsSchema } from '@/lib/terms/schemas';
import { createTokenSchema, markEnterpriseSchema, setLimitsSchema, staffRotateTokenSchema, thresholdsSchema } from '@/lib/usage/schemas';
import type { FormState } from '@/lib/actions';

/** Who the fuzzer signs in as: the guard of a public form, an owner (passes every member guard) or staff. */
export type Caller = 'public' | 'owner' | 'staff';

export interface RegisteredAction {
  file: string;
  action: string;
  /** The name the action's source passes as `schema:` (checked against the source). */
  schemaName: string;
  schema: z.ZodType;
  caller: Caller;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load: () => Promise<(prev: FormState<any>, fd: FormData) => Promise<FormState<any>>>;
}

export const ACTIONS: RegisteredAction[] = [
  { file: 'app/(public)/appsumo/actions.ts', action: 'redeemAction', schemaName: 'redeemSchema', schema: redeemSchema, caller: 'public', load: async () => (await import('@/app/(public)/appsumo/actions')).redeemAction },
  { file: 'app/(public)/forgot-password/actions.ts', action: 'forgotPasswordAction', schemaName: 'forgotPasswordSchema', schema: forgotPasswordSchema, caller: 'public', load: async () => (await import('@/app/(public)/forgot-password/actions')).forgotPasswordAction },
  { file: 'app/(public)/invitation/actions.ts', action: 'acceptInvitationAction', schemaName: 'acceptInvitationSchema', schema: acceptInvitationSchema, caller: 'public', load: async () => (await import('@/app/(public)/invitation/actions')).acceptInvitationAction },
  { file: 'app/(public)/news/actions.ts', action: 'subscribeNewsAction', schemaName: 'addressFormSchema', schema: addressFormSchema, caller: 'public', load: async () => (await import('@/app/(public)/news/actions')).subscribeNewsAction },
  { file: 'app/(public)/privacy/request/actions.ts', action: 'fileRequestAction', schemaName: 'privacyRequestSchema', schema: privacyRequestSchema, caller: 'public', load: async () => (await import('@/app/(public)/privacy/request/actions')).fileRequestAction },
  { file: 'app/(public)/reset-password/actions.ts', action: 'resetPasswordAction', schemaName: 'resetPasswordSchema', schema: resetPasswordSchema, caller: 'public', load: async () => (await import('@/app/(public)/reset-password/actions')).resetPasswordAction },
  { file: 'app/(public)/signup/actions.ts', action: 'signupAction', schemaName: 'signupSchema', schema: signupSchema, caller: 'public', load: async () => (await import('@/app/(public)/signup/actions')).signupAction },
  { file: 'app/(public)/unsubscribe/actions.ts', action: 'unsubscribeAction', schemaName: 'addressFormSchema', schema: addressFormSchema, caller: 'public', load: async () => (await import('@/app/(public)/unsubscribe/actions')).unsubscribeAction },
  { file: 'app/(public)/verify-email/actions.ts', action: 'resendVerificationAction', schemaName: 'resendSchema', schema: resendSchema, caller: 'public', load: async () => (await import('@/app/(public)/verify-email/actions')).resendVerificationAction },
  { file: 'app/account/billing/actions.ts', action: 'startPaymentSetupAction', schemaName: 'paymentSetupSchema', schema: paymentSetupSchema, caller: 'owner', load: async () => (await import('@/app/account/billing/actions')).startPaymentSetupAction },
  { file: 'app/account/billing/actions.ts', action: 'saveBillingDetailsAction', schemaName: 'billingDetailsSchema', schema: billingDetailsSchema, caller: 'owner', load: async () => (await import('@/app/account/billing/actions')).saveBillingDetailsAction },
  { file: 'app/account/billing/actions.ts', action: 'saveVatNumberAction', schemaName: 'vatNumberSchema', schema: vatNumberSchema, caller: 'owner', load: async () => (await import('@/app/account/billing/actions')).saveVatNumberAction },
  { file: 'app/account/custom-services/actions.ts', action: 'requestServiceAction', schemaName: 'requestSchema', schema: requestSchema, caller: 'owner', load: async () => (await import('@/app/account/custom-services/actions')).requestServiceAction },
  { file: 'app/account/custom-services/actions.ts', action: 'approveAgreementAction', schemaName: 'approveSchema', schema: approveSchema, caller: 'owner', load: async () => (await import('@/app/account/custom-services/actions')).approveAgreementAction },
  { file: 'app/account/invoices/actions.ts', action: 'requestCorrectionAction', schemaName: 'requestCorrectionSchema', schema: requestCorrectionSchema, caller: 'owner', load: async () => (await import('@/app/account/invoices/actions')).requestCorrectionAction },
  { file: 'app/account/plan/actions.ts', action: 'reviewPlanChangeAction', schemaName: 'planChangeSchema', schema: planChangeSchema, caller: 'owner', load: async () => (await import('@/app/account/plan/actions')).reviewPlanChangeAction },
  { file: 'app/account/plan/actions.ts', action: 'confirmPlanChangeAction', schemaName: 'confirmPlanChangeSchema', schema: confirmPlanChangeSchema, caller: 'owner', load: async () => (await import('@/app/account/plan/actions')).confirmPlanChangeAction },
  { file: 'app/account/plan/actions.ts', action: 'cancelScheduledChangeAction', schemaName: 'cancelScheduledChangeSchema', schema: cancelScheduledChangeSchema, caller: 'owner', load: async () => (await import('@/app/account/plan/actions')).cancelScheduledChangeAction },
  { file: 'app/account/privacy/actions.ts', action: 'setConsentAction', schemaName: 'consentChangeSchema', schema: consentChangeSchema, caller: 'owner', load: async () => (await import('@/app/account/privacy/actions')).setConsentAction },
  { file: 'app/account/privacy/actions.ts', action: 'resubscribeAction', schemaName: 'z.object({})', schema: z.object({}), caller: 'owner', load: async () => (await import('@/app/account/privacy/actions')).resubscribeAction },
  { file: 'app/account/security/actions.ts', action: 'signOutEverywhereAction', schemaName: 'signOutEverywhereSchema', schema: signOutEverywhereSchema, caller: 'owner', load: async () => (await import('@/app/account/security/actions')).signOutEverywhereAction },
  { file: 'app/account/security/actions.ts', action: 'createUsageTokenAction', schemaName: 'createTokenSchema', schema: createTokenSchema, caller: 'owner', load: async () => (await import('@/app/account/security/actions')).createUsageTokenAction },
  { file: 'app/account/stop/actions.ts', action: 'stopAccountAction', schemaName: 'stopAccountSchema', schema: stopAccountSchema, caller: 'owner', load: async () => (await import('@/app/account/stop/actions')).stopAccountAction },
  { file: 'app/account/terms-actions.ts', action: 'acceptTermsAction', schemaName: 'acceptTermsSchema', schema: acceptTermsSchema, caller: 'owner', load: async () => (await import('@/app/account/terms-actions')).acceptTermsAction },
  { file: 'app/account/users/actions.ts', action: 'inviteUserAction', schemaName: 'inviteSchema', schema: inviteSchema, caller: 'owner', load: async () => (await import('@/app/account/users/actions')).inviteUserAction },
  { file: 'app/account/users/actions.ts', action: 'changeRoleAction', schemaName: 'changeRoleSchema', schema: changeRoleSchema, caller: 'owner', load: async () => (await import('@/app/account/users/actions')).changeRoleAction },
  { file: 'app/account/users/actions.ts', action: 'removeUserAction', schemaName: 'removeUserSchema', schema: removeUserSchema, caller: 'owner', load: async () => (await import('@/app/account/users/actions')).removeUserAction },
  { file: 'app/account/users/actions.ts', action: 'resendInvitationAction', schemaName: 'invitationIdSchema', schema: invitationIdSchema, caller: 'owner', load: async () => (await import('@/app/account/users/actions')).resendInvitationAction },
  { file: 'app/account/users/actions.ts', action: 'revokeInvitationAction', schemaName: 'invitationIdSchema', schema: invitationIdSchema, caller: 'owner', load: async () => (await import('@/app/account/users/actions')).revokeInvitationAction },
  { file: 'app/staff/accounts/[id]/actions.ts', action: 'extendTrialAction', schemaName: 'extendTrialSchema', schema: extendTrialSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/actions')).extendTrialAction },
  { file: 'app/staff/accounts/[id]/actions.ts', action: 'retryChargeAction', schemaName: 'retryChargeSchema', schema: retryChargeSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/actions')).retryChargeAction },
  { file: 'app/staff/accounts/[id]/actions.ts', action: 'endUserSessionsAction', schemaName: 'endUserSessionsSchema', schema: endUserSessionsSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/actions')).endUserSessionsAction },
  { file: 'app/staff/accounts/[id]/credit-actions.ts', action: 'addCreditAction', schemaName: 'addCreditSchema', schema: addCreditSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/credit-actions')).addCreditAction },
  { file: 'app/staff/accounts/[id]/limits-actions.ts', action: 'setLimitsAction', schemaName: 'setLimitsSchema', schema: setLimitsSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/limits-actions')).setLimitsAction },
  { file: 'app/staff/accounts/[id]/limits-actions.ts', action: 'markEnterpriseAction', schemaName: 'markEnterpriseSchema', schema: markEnterpriseSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/limits-actions')).markEnterpriseAction },
  { file: 'app/staff/accounts/[id]/limits-actions.ts', action: 'rotateUsageTokenAction', schemaName: 'staffRotateTokenSchema', schema: staffRotateTokenSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/limits-actions')).rotateUsageTokenAction },
  { file: 'app/staff/accounts/[id]/standing-actions.ts', action: 'recordContactAttemptAction', schemaName: 'contactAttemptSchema', schema: contactAttemptSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/standing-actions')).recordContactAttemptAction },
  { file: 'app/staff/accounts/[id]/standing-actions.ts', action: 'suspendAccountAction', schemaName: 'suspendSchema', schema: suspendSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/standing-actions')).suspendAccountAction },
  { file: 'app/staff/accounts/[id]/standing-actions.ts', action: 'reactivateAccountAction', schemaName: 'reactivateSchema', schema: reactivateSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/standing-actions')).reactivateAccountAction },
  { file: 'app/staff/accounts/[id]/standing-actions.ts', action: 'terminateAccountAction', schemaName: 'terminateSchema', schema: terminateSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/standing-actions')).terminateAccountAction },
  { file: 'app/staff/accounts/[id]/standing-actions.ts', action: 'startStaffAccessAction', schemaName: 'startAccessSchema', schema: startAccessSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/standing-actions')).startStaffAccessAction },
  { file: 'app/staff/accounts/[id]/standing-actions.ts', action: 'endStaffAccessAction', schemaName: 'endAccessSchema', schema: endAccessSchema, caller: 'staff', load: async () => (await import('@/app/staff/accounts/[id]/standing-actions')).endStaffAccessAction },
  { file: 'app/staff/announcements/actions.ts', action: 'createAnnouncementAction', schemaName: 'announcementSchema', schema: announcementSchema, caller: 'staff', load: async () => (await import('@/app/staff/announcements/actions')).createAnnouncementAction },
  { file: 'app/staff/announcements/actions.ts', action: 'sendAnnouncementAction', schemaName: 'announcementIdSchema', schema: announcementIdSchema, caller: 'staff', load: async () => (await import('@/app/staff/announcements/actions')).sendAnnouncementAction },
  { file: 'app/staff/cancellations/actions.ts', action: 'recordCancellationAction', schemaName: 'recordCancellationSchema', schema: recordCancellationSchema, caller: 'staff', load: async () => (await import('@/app/staff/cancellations/actions')).recordCancellationAction },
  { file: 'app/staff/cancellations/actions.ts', action: 'carryOutCancellationAction', schemaName: 'carryOutCancellationSchema', schema: carryOutCancellationSchema, caller: 'staff', load: async () => (await import('@/app/staff/cancellations/actions')).carryOutCancellationAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'startReviewAction', schemaName: 'requestIdSchema', schema: requestIdSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).startReviewAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'refuseAction', schemaName: 'refuseSchema', schema: refuseSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).refuseAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'sendProposalAction', schemaName: 'proposalSchema', schema: proposalSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).sendProposalAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'withdrawProposalAction', schemaName: 'requestIdSchema', schema: requestIdSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).withdrawProposalAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'recordApprovalAction', schemaName: 'recordApprovalSchema', schema: recordApprovalSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).recordApprovalAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'startWorkAction', schemaName: 'requestIdSchema', schema: requestIdSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).startWorkAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'deliverAction', schemaName: 'requestIdSchema', schema: requestIdSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).deliverAction },
  { file: 'app/staff/custom-services/actions.ts', action: 'logEmailedRequestAction', schemaName: 'logEmailedRequestSchema', schema: logEmailedRequestSchema, caller: 'staff', load: async () => (await import('@/app/staff/custom-services/actions')).logEmailedRequestAction },
  { file: 'app/staff/deals/actions.ts', action: 'createDealAction', schemaName: 'dealSchema', schema: dealSchema, caller: 'staff', load: async () => (await import('@/app/staff/deals/actions')).createDealAction },
  { file: 'app/staff/deals/actions.ts', action: 'updateDealAction', schemaName: 'editDealSchema', schema: editDealSchema, caller: 'staff', load: async () => (await import('@/app/staff/deals/actions')).updateDealAction },
  { file: 'app/staff/deals/actions.ts', action: 'importCodesAction', schemaName: 'importCodesSchema', schema: importCodesSchema, caller: 'staff', load: async () => (await import('@/app/staff/deals/actions')).importCodesAction },
  { file: 'app/staff/deals/actions.ts', action: 'revokeCodeAction', schemaName: 'revokeCodeSchema', schema: revokeCodeSchema, caller: 'staff', load: async () => (await import('@/app/staff/deals/actions')).revokeCodeAction },
  { file: 'app/staff/deals/actions.ts', action: 'suspendHolderAction', schemaName: 'suspendHolderSchema', schema: suspendHolderSchema, caller: 'staff', load: async () => (await import('@/app/staff/deals/actions')).suspendHolderAction },
  { file: 'app/staff/enterprise/actions.ts', action: 'setThresholdsAction', schemaName: 'thresholdsSchema', schema: thresholdsSchema, caller: 'staff', load: async () => (await import('@/app/staff/enterprise/actions')).setThresholdsAction },
  { file: 'app/staff/gdpr/[id]/actions.ts', action: 'assignAction', schemaName: 'assignSchema', schema: assignSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/[id]/actions')).assignAction },
  { file: 'app/staff/gdpr/[id]/actions.ts', action: 'noteAction', schemaName: 'noteSchema', schema: noteSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/[id]/actions')).noteAction },
  { file: 'app/staff/gdpr/[id]/actions.ts', action: 'advanceAction', schemaName: 'advanceSchema', schema: advanceSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/[id]/actions')).advanceAction },
  { file: 'app/staff/gdpr/[id]/actions.ts', action: 'decisionAction', schemaName: 'decisionSchema', schema: decisionSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/[id]/actions')).decisionAction },
  { file: 'app/staff/gdpr/[id]/actions.ts', action: 'completeAction', schemaName: 'completeSchema', schema: completeSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/[id]/actions')).completeAction },
  { file: 'app/staff/gdpr/sub-processors/actions.ts', action: 'createSubProcessorAction', schemaName: 'subProcessorSchema', schema: subProcessorSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/sub-processors/actions')).createSubProcessorAction },
  { file: 'app/staff/gdpr/sub-processors/actions.ts', action: 'updateSubProcessorAction', schemaName: 'editSubProcessorSchema', schema: editSubProcessorSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/sub-processors/actions')).updateSubProcessorAction },
  { file: 'app/staff/gdpr/sub-processors/actions.ts', action: 'removeSubProcessorAction', schemaName: 'removeSubProcessorSchema', schema: removeSubProcessorSchema, caller: 'staff', load: async () => (await import('@/app/staff/gdpr/sub-processors/actions')).removeSubProcessorAction },
  { file: 'app/staff/login-sharing/actions.ts', action: 'addSurchargeAction', schemaName: 'flagDecisionSchema', schema: flagDecisionSchema, caller: 'staff', load: async () => (await import('@/app/staff/login-sharing/actions')).addSurchargeAction },
  { file: 'app/staff/login-sharing/actions.ts', action: 'dismissFlagAction', schemaName: 'flagDecisionSchema', schema: flagDecisionSchema, caller: 'staff', load: async () => (await import('@/app/staff/login-sharing/actions')).dismissFlagAction },
  { file: 'app/staff/login-sharing/actions.ts', action: 'endSurchargeAction', schemaName: 'endSurchargeSchema', schema: endSurchargeSchema, caller: 'staff', load: async () => (await import('@/app/staff/login-sharing/actions')).endSurchargeAction },
  { file: 'app/staff/maintenance/actions.ts', action: 'scheduleMaintenanceAction', schemaName: 'scheduleMaintenanceSchema', schema: scheduleMaintenanceSchema, caller: 'staff', load: async () => (await import('@/app/staff/maintenance/actions')).scheduleMaintenanceAction },
  { file: 'app/staff/maintenance/actions.ts', action: 'cancelMaintenanceAction', schemaName: 'cancelMaintenanceSchema', schema: cancelMaintenanceSchema, caller: 'staff', load: async () => (await import('@/app/staff/maintenance/actions')).cancelMaintenanceAction },
  { file: 'app/staff/outbox/[id]/actions.ts', action: 'requeueAction', schemaName: 'requeueSchema', schema: requeueSchema, caller: 'staff', load: async () => (await import('@/app/staff/outbox/[id]/actions')).requeueAction },
  { file: 'app/staff/prices/actions.ts', action: 'schedulePriceChangeAction', schemaName: 'schedulePriceChangeSchema', schema: schedulePriceChangeSchema, caller: 'staff', load: async () => (await import('@/app/staff/prices/actions')).schedulePriceChangeAction },
  { file: 'app/staff/prices/actions.ts', action: 'withdrawPriceChangeAction', schemaName: 'withdrawPriceChangeSchema', schema: withdrawPriceChangeSchema, caller: 'staff', load: async () => (await import('@/app/staff/prices/actions')).withdrawPriceChangeAction },
  { file: 'app/staff/terms/actions.ts', action: 'publishTermsAction', schemaName: 'publishTermsSchema', schema: publishTermsSchema, caller: 'staff', load: async () => (await import('@/app/staff/terms/actions')).publishTermsAction },
];

/**
 * Server functions in 'use server' files that are not built with validatedAction, and how each
 * treats what it is sent (action-fuzz.test.ts fuzzes the two that take input).
 */
export const PLAIN_ACTIONS = [
  { file: 'app/actions/language.ts', action: 'chooseLanguage', input: 'FormData: `locale`, safeParsed; anything else changes nothing' },
  { file: 'app/actions/language.ts', action: 'adoptLanguageAfterSignIn', input: 'none (reads the session and the language cookie)' },
  { file: 'app/staff/terms/actions.ts', action: 'previewTermsAction', input: 'the two terms texts, safeParsed after requireStaff' },
] as const;
