import type { LanguagePack } from './language-pack.ts'

export const es: LanguagePack = {
  code: 'es',
  firstNames: ['Lucía', 'Mateo', 'Sofía', 'Hugo', 'Martina', 'Pablo', 'Valeria', 'Diego', 'Paula', 'Álvaro', 'Carmen', 'Javier', 'Elena', 'Sergio', 'Marta', 'Andrés', 'Nuria', 'Iván', 'Alba', 'Raúl'],
  lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Navarro', 'Torres'],
  positive: ['genial', 'buenísimo', 'excelente', 'estupendo', 'maravilloso', 'fantástico', 'delicioso', 'perfecto'],
  negative: ['horrible', 'terrible', 'malísimo', 'decepcionante', 'desastroso', 'lamentable', 'pésimo', 'insoportable'],
  post: {
    positive: ['¡{Subject}, {pos}! {detail}', 'La verdad, {subject} está {pos} 😍 {detail}', 'Feliz con {subject}, {pos}. {detail}', '{detail} En resumen: {subject}, {pos} ✨'],
    negative: ['{Subject} es {neg}. {detail}', 'Qué {neg}, {subject}… {detail}', 'Otra vez {subject} 😡 {neg}. {detail}', '{detail} {Subject} sigue siendo {neg}.'],
    neutral: ['{Subject}: {detail}', 'Apunte rápido sobre {subject}. {detail}', 'Hoy toca {subject}. {detail}', '{detail} Seguiremos con {subject}.'],
  },
  reply: {
    positive: ['¡Totalmente de acuerdo, {pos}!', 'Gracias por compartir, {pos} 🙏', '¡Sí! {Subject}, {pos}.'],
    negative: ['No estoy de acuerdo, es más bien {neg}.', 'Por desgracia sí, {neg}… {detail}', 'Es {neg}, tiene que cambiar.'],
    neutral: ['Interesante, ¿tienes la fuente?', 'Apuntado, gracias. {detail}', 'Depende, {subject} cambia mucho.'],
  },
  quote: {
    positive: ['Imprescindible, {pos} 👇', 'Exacto. {Subject}, {pos}.'],
    negative: ['Esto es lo que pasa: {neg}.', 'Lo comparto porque es {neg}.'],
    neutral: ['Para tenerlo en cuenta 👇', 'Un hilo útil sobre {subject}.'],
  },
  question: ['¿Alguien sabe {ask}?', '¿Sabéis {ask}?', 'Pregunta rápida: ¿{ask}?', '¿Alguna idea de {ask}?'],
  mentionLeads: ['cc', 'con', 'gracias'],
  linkLeads: ['Para leer:', 'Fuente:', 'Vía'],
  topics: {
    cocina: {
      subjects: ['la paella del domingo', 'el mercado de abastos', 'mi receta de gazpacho', 'las tapas del barrio', 'la tortilla de patatas', 'el cocido de la abuela', 'el pan de masa madre'],
      details: ['El azafrán marca la diferencia.', 'Todo de productores de aquí 🍅', 'Lista en veinte minutos.', 'Con aceite de oliva virgen extra.', 'Receta completa en el hilo.', 'Sobró para toda la semana.'],
      asks: ['dónde encontrar buen chorizo', 'cómo conseguir una tortilla jugosa', 'qué arroz usar para la paella', 'cuánto reposa la masa madre'],
      bios: ['Cocinera aficionada', 'Amante de la buena mesa', 'Cocinero de fin de semana', 'Recetas de la abuela'],
    },
    velo: {
      subjects: ['ir en bici al trabajo', 'el nuevo carril bici', 'mi bici de carga'],
      details: ['Veinte minutos puerta a puerta 🚲', 'El ayuntamiento promete más aparcabicis.'],
      asks: ['dónde revisar una bici eléctrica', 'qué candado comprar'],
      bios: ['Ciclista urbana', 'Pedaleando a diario'],
    },
    rust: {
      subjects: ['la nueva versión de Rust', 'mi crate de parsing', 'el software libre'],
      details: ['Cero asignaciones en el bucle 🦀', 'Tres contribuidores nuevos esta semana.'],
      asks: ['qué licencia elegir para una librería', 'cómo acelerar cargo en CI'],
      bios: ['Desarrolladora Rust', 'Entusiasta del software libre'],
    },
    klima: {
      subjects: ['las placas solares', 'la bomba de calor', 'el plan climático'],
      details: ['La factura bajó a la mitad ☀️', 'Las ayudas cambiaron en enero.'],
      asks: ['quién instala bombas de calor en la zona'],
      bios: ['Ingeniera de energía', 'Activista climático'],
    },
    chatter: {
      subjects: ['el café de la mañana', 'este fin de semana', 'el concierto de anoche', 'el libro que estoy leyendo', 'la foto del día', 'mi gato'],
      details: ['Sigue lloviendo 🌧️', '¡Buen día a todos!', 'Lo recomiendo mucho.', 'Nada especial, solo contento.'],
      asks: ['una buena novela para el verano', 'un café tranquilo para trabajar'],
      bios: ['Curiosa de todo', 'Fotógrafo de domingo', 'Lectora empedernida'],
    },
    incident: {
      subjects: ['la eliminación del carril bici del bulevar', 'el accidente de esta mañana en el cruce'],
      details: ['Otro ciclista atropellado y nadie reacciona.', 'Nos sentimos en peligro cada día.'],
      asks: ['quién organiza la concentración de esta tarde'],
      bios: [],
    },
  },
}
