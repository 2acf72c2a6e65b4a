// The coach app's callables (issue 8), typed for the tests' `call`. The
// site's client module (site/src/client/callable.ts) lists the callables the
// site uses; until the coach app adds these there, the tests declare them
// here by module augmentation of that same `Api` interface.
import type * as api from "../../functions/src/domain/api.js";

declare module "../../site/src/client/callable.js" {
  interface Api {
    completeBooking: { input: api.BookingRefInput; result: api.CompleteBookingResult };
    listClients: { input: api.ListClientsRequest; result: api.ListClientsResult };
    getClientDetail: { input: api.ClientRefInput; result: api.ClientDetailResult };
    saveClientNotes: { input: api.SaveClientNotesInput; result: api.SavedResult };
    sendMessage: { input: api.SendMessageInput; result: api.SendMessageResult };
    requestReview: { input: api.BookingRefInput; result: api.ReviewView };
    submitReview: { input: api.SubmitReviewRequest; result: api.ReviewView };
    publishReview: { input: api.PublishReviewInput; result: api.ReviewView };
    replyToReview: { input: api.ReplyToReviewInput; result: api.ReviewView };
    exportClientData: { input: api.ClientRefInput; result: api.ClientExportResult };
    deleteClient: { input: api.ClientRefInput; result: api.DeleteClientResult };
    saveProfile: { input: api.SaveProfileRequest; result: api.SavedResult };
  }
}

export {};
