// Distinctive words of Latin-script languages Relais does not support. They let the detector say
// "not one of ours" (null) instead of forcing Polish or Swedish into the closest supported
// language. Words shared with a supported list are ignored, so only distinctive ones count.

const words = (list: string): string[] => list.trim().split(/\s+/)

export const DECOY_WORDS: Record<string, string[]> = {
  ca: words(`amb els molt molta però aquest aquesta aquests també perquè avui gràcies doncs nosaltres
    vosaltres feina seva meva sóc estic tinc això dels pels demà tots totes fer anar`),
  sv: words(`och att det som är på för med inte jag har av till om ett var men vi kan hade ska eller
    mycket också från här när vad hur tack hej bra idag vill`),
  da: words(`og ikke jeg er til på med af av har et vi kan men også meget mye veldig hvad hva hvor
    hvordan tak takk hej hei godt skal være`),
  pl: words(`w z na się nie to jest że do jak ale co tak po od za są już jeszcze tylko bardzo dla czy
    który która które mnie go jej ich był była było będzie dziś dzisiaj dzięki dziękuję cześć dobrze
    wszystko może też tego tym gdzie kiedy dlaczego`),
  ro: words(`și în la cu pe nu este sunt că să mai din pentru care ce un o ai am foarte dar sau acest
    această azi astăzi mulțumesc bună ziua bine tot toate când unde cum fost ești`),
  tr: words(`ve bir bu da için ile çok ne ama gibi daha var yok değil ben sen biz siz onlar mı mi mu
    mü nasıl neden nerede şey bugün yarın teşekkürler merhaba iyi evet hayır olarak kadar sonra`),
  id: words(`dan yang di ke dari ini itu untuk dengan tidak ada saya kamu kami kita mereka akan sudah
    belum juga bisa sangat hari terima kasih apa bagaimana kenapa mengapa karena atau tapi tetapi
    dalam pada lagi baru semua oleh`),
  fi: words(`ja on ei se että oli ovat olen mutta kun niin kuin mitä miten miksi missä tämä tuo minä
    sinä hän kiitos hyvä tänään huomenna myös vain jo vielä paljon kanssa koska jos nyt`),
}
